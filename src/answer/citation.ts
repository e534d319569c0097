import type { Citation, Passage } from '../types.js';

/** `<doc> ¶<n>` with the date and source a reader needs to weigh it. */
export function citationOf(passage: Passage): Citation {
  return {
    doc: passage.doc,
    paragraph: passage.paragraph,
    citation: `${passage.doc} ¶${passage.paragraph}`,
    publishedOn: passage.publishedOn,
    source: passage.source,
  };
}
