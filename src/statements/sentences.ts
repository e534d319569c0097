// Sentences for statement finding: the platform segmenter (Intl.Segmenter, shared with the corpus),
// re-joined where it broke after an abbreviation with a full stop. ICU's English rules end a sentence
// at "Sen. ", "Mr. ", "J. " and "U.S. ", which cuts "Vermont Sen. Bernie Sanders said" in two; US
// news writes these on every line.
import { sentenceRanges } from '../corpus/splitSentences.js';
import { FUNCTION_WORDS, SPEECH_VERBS } from './lexicon.js';

/** Titles and honorifics with a full stop: never the end of a sentence. */
const TITLE_ABBREVIATION = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Sgt|Capt|Cmdr|Maj|Adm|Prof|Rev|Fr|Sr|Jr|St|Pres|Atty|Supt|Insp|Gen|Det|Cpl|Pvt|Hon|Msgr|Amb|Sec|Lt\.Gov)\.$/u;
/** An initial ("J.") is never the end of a sentence either. */
const INITIAL = /(?:^|[\s(])\p{Lu}\.$/u;
/** Other abbreviations ("U.S.", "Calif.", "Inc.", "Sept."): the end only if a new sentence plainly starts. */
const OTHER_ABBREVIATION = /(?:(?:\p{Lu}\.){2,}|(?:^|[^\p{L}])(?:Inc|Corp|Co|Ltd|Bros|No|Nos|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|D\.C)\.)$/u;

export function statementSentences(text: string): { start: number; end: number }[] {
  const ranges = sentenceRanges(text);
  const out: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const previous = out[out.length - 1];
    const next = text.slice(range.start, range.end);
    // "“…” ― Sonya Herridge": a signature dash belongs to the quote before it.
    const before = previous ? text.slice(previous.start, previous.end) : '';
    if (previous && (continuesAfterAbbreviation(before, next) || /^[―—–]\s/.test(next) || cueAfterQuestion(before, next))) {
      previous.end = range.end;
    } else out.push({ ...range });
  }
  return out;
}

function continuesAfterAbbreviation(before: string, next: string): boolean {
  if (TITLE_ABBREVIATION.test(before) || INITIAL.test(before)) return true;
  if (!OTHER_ABBREVIATION.test(before)) return false;
  const first = /^[\p{L}]+/u.exec(next)?.[0] ?? '';
  // "the U.S. Army said" runs on; "… in the U.S. He said" starts anew.
  return first !== '' && !FUNCTION_WORDS.has(first) && !/^["“‘]/.test(next);
}

/** "“Who would have believed it?” Trump said, …": a quote ending in ? or ! and its cue are one sentence. */
function cueAfterQuestion(before: string, next: string): boolean {
  if (!/[?!][”"’']\s*$/.test(before)) return false;
  // A full stop ends a word here ("Vitter demanded."), though initials keep theirs ("J.").
  const words = (next.match(/[\p{L}][\p{L}.'’-]*/gu)?.slice(0, 6) ?? []).map((w) => (w.length > 2 ? w.replace(/\.$/, '') : w));
  const verbAt = words.findIndex((w) => SPEECH_VERBS.has(w));
  if (verbAt < 1) return false;
  return words.slice(0, verbAt).every((w) => /^\p{Lu}/u.test(w) || /^(he|she|they|we|I)$/i.test(w));
}
