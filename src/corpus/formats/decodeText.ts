// Bytes → text for every format: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, a charset the
// file itself declares (HTML <meta charset>, XML encoding="…"), else Windows-1252, the usual
// encoding of older Windows exports. Anything that still does not read as text is refused.
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Control characters that never occur in text (tab, newline, form feed and carriage return do), and
// the five bytes Windows-1252 leaves undefined, which iconv-lite passes through as C1 controls.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u0081\u008D\u008F\u0090\u009D]/u;

/** The charset a document declares in its first 1 KB, if any (only consulted when not UTF-8). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/iu.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return checked(iconv.decode(buffer.subarray(2), 'utf-16le'), 'UTF-16LE');
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return checked(iconv.decode(buffer.subarray(2), 'utf-16be'), 'UTF-16BE');
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  if (buffer.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return checked(utf8.decode(bom ? buffer.subarray(3) : buffer), 'UTF-8');
  } catch {
    if (bom) return { ok: false, reason: 'not valid UTF-8 despite its byte-order mark' };
  }
  const declared = declaredCharset(buffer);
  const encoding = declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared) ? declared : 'windows-1252';
  const decoded = checked(iconv.decode(buffer, encoding), encoding);
  return decoded.ok ? decoded : { ok: false, reason: `not readable text (not UTF-8, UTF-16 with a byte-order mark, or ${encoding})` };
}

function checked(text: string, encoding: string): Decoded {
  return NOT_TEXT.test(text) ? { ok: false, reason: `not readable text as ${encoding} (control characters)` } : { ok: true, text, encoding };
}
