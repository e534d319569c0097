// The subject of a sentence's main clause: the first noun phrase (not inside a prepositional phrase)
// followed by a verb. "But speaking after a meeting in Johannesburg, South Africa on Thursday, Foreign
// Secretary David Lammy cast doubt…" → Lammy. Used for participle cues (", stating…") and as the
// antecedent of a pronoun in the next sentence when that sentence reported no speech.
import { FUNCTION_WORDS, PRONOUNS, ROLE_HEADS, ROLE_MODIFIERS, SPOKES_HEADS, INSTITUTION_HEADS, ANAPHORIC_BODIES } from './lexicon.js';
import type { NameChain } from './nameMentions.js';
import { resolveNounPhrase, resolvePronoun, type ArticleContext } from './resolveSpeaker.js';
import type { Speaker } from './speakers.js';
import type { Token } from './tokens.js';

export type MainSubject = { speaker: Speaker | null; from: number; to: number } | { plural: true } | null;

const PREPOSITIONS = new Set(`in on at to from with by for of about after before during under over between among across into onto
  through against without within toward towards via per than like as since until despite including amid near behind beyond
  ahead following`.split(/\s+/));
const NOT_VERBS = new Set([...PREPOSITIONS, 'and', 'or', 'but', 'the', 'a', 'an', 'who', 'which', 'that', 'whose']);

function npWord(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  if (t.cap) return !FUNCTION_WORDS.has(t.base) || ['The', 'A', 'An'].includes(t.base);
  const w = t.lower;
  return ['the', 'a', 'an', 'of'].includes(w) || ROLE_HEADS.has(w) || (ROLE_MODIFIERS.has(w) && w !== 'for') || SPOKES_HEADS.has(w) || INSTITUTION_HEADS.has(w) || ANAPHORIC_BODIES.has(w);
}

export function sentenceSubject(tokens: Token[], chains: NameChain[], ctx: ArticleContext): MainSubject {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const pronoun = t.kind === 'word' && PRONOUNS.has(t.lower);
    const prev = tokens[i - 1];
    if (!(npWord(t) || pronoun) || (prev?.kind === 'word' && (PREPOSITIONS.has(prev.lower) || npWord(prev)))) {
      i++;
      continue;
    }
    let j = i + 1;
    if (!pronoun) while (npWord(tokens[j]) || (tokens[j]?.possessive && tokens[j]!.cap)) j++;
    let next = tokens[j];
    // Skip an apposition: "Steve Witkoff, Trump's special envoy, yesterday pulled out".
    if (next?.text === ',' && !pronoun) {
      // …and a relative clause: "Weitz, who admitted he would not be many people's first choice, said".
      const relative = ['who', 'whose', 'which'].includes(tokens[j + 1]?.lower ?? '');
      const close = tokens.findIndex((x, k) => k > j && k - j <= (relative ? 24 : 12) && x.text === ',');
      const first = tokens[j + 1];
      if (close > 0 && first && (['a', 'an', 'the'].includes(first.lower) || first.possessive || relative)) next = tokens[close + 1];
    }
    if (next?.kind === 'word' && next.lower === 'and' && npWord(tokens[j + 1]) && tokens[j + 1]!.cap) return { plural: true };
    // "Pullman's trilogy has been attacked": a possessive names the owner, not the subject.
    if (tokens[j - 1]?.possessive && !pronoun) return { speaker: null, from: i, to: j };
    if (next?.kind === 'word' && !next.cap && !NOT_VERBS.has(next.lower)) {
      const speaker = pronoun ? resolvePronoun(t.lower, [], ctx)?.speaker ?? null : resolveNounPhrase(tokens, i, j, chains, ctx);
      return { speaker, from: i, to: j };
    }
    i = j;
  }
  return null;
}
