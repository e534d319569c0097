import type { Citation, Passage } from '../types.js';

/** "000_abc ¶4": the article id and paragraph, as every citation reads. */
export function citationText(doc: string, paragraph: number): string {
  return `${doc} ¶${paragraph}`;
}

/** `<doc> ¶<n>` with the date and source a reader needs to weigh it. */
export function citationOf(passage: Passage): Citation {
  return {
    doc: passage.doc,
    paragraph: passage.paragraph,
    citation: citationText(passage.doc, passage.paragraph),
    publishedOn: passage.publishedOn,
    source: passage.source,
    title: passage.title ?? null,
    url: passage.url ?? null,
  };
}
