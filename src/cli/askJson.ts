// The `ask --json` contract: one object per passage, best first, with exactly these keys.
import { answeringText } from '../render/discord.js';
import { stemsOf } from '../render/highlight.js';
import type { AskAnswer, Citation, IsoDate } from '../types.js';

/** One passage in --json output: exactly these keys, best first. */
export interface JsonPassage {
  doc: string;
  paragraph: number;
  text: string;
  score: number;
  publishedOn: IsoDate | null;
  source: string | null;
  alsoIn: Citation[];
  /** The article's title and link, or null. */
  title: string | null;
  url: string | null;
  /** What a reader is shown: `text` itself, or for a long paragraph the sentences that answer. */
  excerpt: string;
}

export function toJsonPassages(answer: AskAnswer): JsonPassage[] {
  const stems = stemsOf(answer.question);
  return answer.passages.map(({ doc, paragraph, text, score, publishedOn, source, alsoIn, title, url, answer: span }) => ({
    doc,
    paragraph,
    text,
    score: Math.round(score * 1000) / 1000,
    publishedOn,
    source,
    alsoIn: alsoIn.map(({ doc, paragraph, citation, publishedOn, source, title, url }) => ({
      doc,
      paragraph,
      citation,
      publishedOn,
      source,
      title: title ?? null,
      url: url ?? null,
    })),
    title: title ?? null,
    url: url ?? null,
    excerpt: answeringText(text, stems, span),
  }));
}
