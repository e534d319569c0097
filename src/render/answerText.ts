// An `ask` answer as plain terminal text: each passage with its citation (article ¶n, date or
// "undated", source) and the places that say the same. Pure. (src/render/text.ts holds the
// bot's Discord-as-text renderer, so this lives beside it.)
import type { AskAnswer, Citation, Hit } from '../types.js';
import { formatDate } from './format.js';
import { citationText } from '../answer/citation.js';

/** "000_a6d6 ¶8 · 23 Apr 2025 · The Independent" (source left out when unknown). */
export function citationLine(c: Pick<Citation, 'doc' | 'paragraph' | 'publishedOn' | 'source'>): string {
  return [citationText(c.doc, c.paragraph), formatDate(c.publishedOn), c.source ?? 'source not stated'].join(' · ');
}

function hitLines(hit: Hit, rank: number): string[] {
  const lines = [`${rank}. ${citationLine(hit)}`, `   ${hit.text}`];
  if (hit.alsoIn.length) lines.push(`   Also in: ${hit.alsoIn.map(citationLine).join('; ')}`);
  return lines;
}

export function renderAnswerText(answer: AskAnswer): string {
  if (answer.passages.length === 0) return answer.notice ?? 'Nothing found.';
  const hits = answer.passages.map((hit, i) => hitLines(hit, i + 1).join('\n')).join('\n\n');
  // A notice beside results says what filters left out ("2 undated passages were left out").
  return answer.notice ? `${answer.notice}\n\n${hits}` : hits;
}
