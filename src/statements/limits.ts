// Bounds on what one article's analysis reads, so that pathological input (a file of nothing but
// quote marks and "said", megabytes long) costs time in proportion to its size and bounded memory.
// Real news stays far inside them: the longest paragraph of the 2,207 BBC articles is ~1,900
// characters, the longest article ~25,000 and ~180 paragraphs.
import type { Article } from '../types.js';

export interface AnalysisLimits {
  /** Characters of a paragraph analysed; the rest of a longer one is not read for statements. */
  paragraphChars: number;
  /** Paragraphs of an article analysed. */
  paragraphs: number;
  /** Characters of an article analysed in all. */
  articleChars: number;
  /** Sentences back that "the newspaper", "the bank" may refer to. */
  historySentences: number;
}

export const ANALYSIS_LIMITS: AnalysisLimits = {
  paragraphChars: 5_000,
  paragraphs: 2_000,
  articleChars: 500_000,
  historySentences: 200,
};

/** The article cut to the limits, and a warning naming what was left out (null when nothing was). */
export function boundArticle(article: Article, limits: AnalysisLimits): { article: Article; warning: string | null } {
  let chars = 0;
  let cutParagraphs = 0;
  const paragraphs = [];
  for (const p of article.paragraphs) {
    if (paragraphs.length >= limits.paragraphs || chars >= limits.articleChars) break;
    const text = p.text.length > limits.paragraphChars ? p.text.slice(0, limits.paragraphChars) : p.text;
    if (text !== p.text) cutParagraphs++;
    chars += text.length;
    paragraphs.push(text === p.text ? p : { ...p, text });
  }
  const dropped = article.paragraphs.length - paragraphs.length;
  if (cutParagraphs === 0 && dropped === 0) return { article, warning: null };
  const parts = [
    cutParagraphs ? `${cutParagraphs} paragraph${cutParagraphs === 1 ? '' : 's'} over ${limits.paragraphChars} characters read only that far` : '',
    dropped ? `${dropped} paragraph${dropped === 1 ? '' : 's'} past the first ${paragraphs.length} (${limits.paragraphs} paragraphs or ${limits.articleChars} characters) not read for statements` : '',
  ].filter(Boolean);
  return { article: { ...article, paragraphs }, warning: `${article.doc}: ${parts.join('; ')}` };
}
