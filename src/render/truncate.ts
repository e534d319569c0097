// Cutting text to a limit without breaking a word in half, and saying so with "…".

const ELLIPSIS = '…';

/** `text` if it fits in `max` characters, else the longest word-boundary prefix plus "…" that does. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  const cut = text.slice(0, room + 1);
  // Prefer the last space inside the room; a single huge "word" is cut hard rather than dropped.
  const space = cut.lastIndexOf(' ');
  const head = space > room / 2 ? cut.slice(0, space) : text.slice(0, room);
  return head.replace(/[\s,;:.\-–—]+$/u, '') + ELLIPSIS;
}
