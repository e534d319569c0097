// Sentence splitting with the platform's own segmenter rather than a hand-written regex.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of `text`, trimmed, empty ones dropped. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}
