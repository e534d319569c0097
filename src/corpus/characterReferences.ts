// HTML character references left in plain text by whatever exported it ("communiqu&#233;",
// "&#163;5m", "Marks &amp; Spencer"): a reader should see the character. Numeric references to a
// printable character and the five XML names are decoded; anything else (a control character, an
// unknown name, a bare "&") is left as written. Pages and feeds are decoded by their parsers already.

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/gu;

/** Whether a code point is a character a reader should see (not a control, surrogate or beyond Unicode). */
function printable(code: number): boolean {
  return code >= 0x20 && code <= 0x10ffff && !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff);
}

export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    return printable(code) ? String.fromCodePoint(code) : whole;
  });
}
