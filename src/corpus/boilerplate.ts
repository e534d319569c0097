import { splitSentences } from './splitSentences.js';

// Publisher boilerplate is recognised by its sentences, wherever it sits: on the date line, on a line
// of its own, or spread over several lines. Each signature is a phrase that only the appeal uses.
const APPEAL_SIGNATURES: RegExp[] = [
  /\byour support helps us to tell the story\b/i,
  /\bis on the ground when the story is developing\b/i,
  /\bparse out the facts from the messaging\b/i,
  /\bwe need reporters on the ground\b/i,
  /\byour donation allows us to\b/i,
  /\bis trusted by americans across the entire political spectrum\b/i,
  /\bwe choose not to lock americans out of our reporting\b/i,
  /\bquality journalism should be available to everyone\b/i,
  /\byour support makes all the difference\b/i,
];

// Short calls to action are only boilerplate next to an appeal: "Read more" alone could be anything.
const CALLS_TO_ACTION = /^(read more|support now|donate|subscribe|sign up|click here)[.!]?$/i;

// The appeal names its publisher: "…, The Independent is on the ground…", "The Independent is trusted…".
const PUBLISHER = /\b(The(?: [A-Z][\w'-]*)+?) is (?:on the ground|trusted by)\b/;

/** A unit of text (a line or a sentence) that is part of the appeal by itself. */
export function isAppealSentence(text: string): boolean {
  return APPEAL_SIGNATURES.some((signature) => signature.test(text));
}

export interface Cleaned {
  /** The lines with boilerplate removed; a line left empty is dropped. */
  lines: string[];
  /** The publisher the appeal names, if any. */
  source: string | null;
}

/**
 * Removes the appeal from a sequence of lines. Each line is cut into sentences; sentences carrying a
 * signature go, and so do calls to action that stand next to removed text (repeated until stable, so
 * "Read more" / "Support Now" runs of any length go with the appeal they belong to).
 */
export function removeBoilerplate(lines: string[]): Cleaned {
  // Most articles carry no appeal at all: then nothing goes, and no line needs cutting into sentences.
  if (!lines.some(isAppealSentence)) return { lines: lines.filter((line) => line.trim() !== ''), source: null };
  const units = lines.map((line, lineNo) =>
    splitSentences(line).map((text) => ({ lineNo, text, appeal: isAppealSentence(text) })),
  );
  const flat = units.flat();
  let source: string | null = null;
  for (const unit of flat) if (unit.appeal) source ??= PUBLISHER.exec(unit.text)?.[1] ?? null;

  for (let changed = true; changed; ) {
    changed = false;
    flat.forEach((unit, i) => {
      if (unit.appeal || !CALLS_TO_ACTION.test(unit.text)) return;
      if (flat[i - 1]?.appeal || flat[i + 1]?.appeal) unit.appeal = changed = true;
    });
  }

  // A line that lost nothing is kept exactly as written.
  const kept = units
    .map((sentences, lineNo) =>
      sentences.some((unit) => unit.appeal)
        ? sentences.filter((unit) => !unit.appeal).map((unit) => unit.text).join(' ')
        : (lines[lineNo] ?? ''),
    )
    .filter((line) => line.trim() !== '');
  return { lines: kept, source };
}
