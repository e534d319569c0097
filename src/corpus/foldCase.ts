/** Lower case without accents, so "Zelenskyy" / "Zelenskýy" and typed text meet. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
