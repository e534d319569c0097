// An `ask` answer as plain terminal text: each passage (a long one by the sentences that answer)
// with its citation (title or file name, source, date, ¶n) and the places that say the same. Pure.
// (src/render/text.ts holds the bot's Discord-as-text renderer, so this lives beside it.)
import type { AskAnswer, Hit } from '../types.js';
import { citePlain, type CiteRef } from './cite.js';
import { answeringText } from './discord.js';
import { stemsOf } from './highlight.js';
import { WEAK_SHOWN } from '../answer/weakMatch.js';

/** "Ad sales boost Time Warner profit · BBC News · 27 Feb 2005 · ¶4" (no source when none is known). */
export function citationLine(c: CiteRef): string {
  return citePlain(c);
}

function hitLines(hit: Hit, rank: number, stems: Set<string>): string[] {
  const lines = [`${rank}. ${citationLine(hit)}`, `   ${answeringText(hit.text, stems, hit.answer)}`];
  if (hit.alsoIn.length) lines.push(`   Also in: ${hit.alsoIn.map(citationLine).join('; ')}`);
  return lines;
}

export function renderAnswerText(answer: AskAnswer): string {
  if (answer.passages.length === 0) return answer.notice ?? 'Nothing found.';
  const stems = stemsOf(answer.question);
  const shown = answer.weak ? answer.passages.slice(0, WEAK_SHOWN) : answer.passages;
  const hits = shown.map((hit, i) => hitLines(hit, i + 1, stems).join('\n')).join('\n\n');
  // A notice beside results says what filters left out ("2 undated passages were left out").
  return answer.notice ? `${answer.notice}\n\n${hits}` : hits;
}
