// Sentence splitting with the platform's own segmenter rather than a hand-written regex; one
// segmenter for the whole pipeline (loading and statements alike).
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Where each sentence of `text` starts and ends, white space trimmed, empty ones dropped. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed) ranges.push({ start: index + lead, end: index + lead + trimmed.length });
  }
  return ranges;
}

/** The sentences of `text`, trimmed, empty ones dropped. */
export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map(({ start, end }) => text.slice(start, end));
}
