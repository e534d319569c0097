// Bytes → text for every format: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, a charset the
// file itself declares (HTML <meta charset>, XML encoding="…"), else Windows-1252, the usual
// encoding of older Windows exports. A handful of stray control characters (a mis-encoded character
// in an SVG id, say) are replaced with U+FFFD and counted, so the caller can warn; text with more
// than that, or with NUL bytes, is not text and is refused.
import iconv from 'iconv-lite';

/** `replaced`: stray control characters replaced with U+FFFD (0 for clean text). */
export type Decoded = { ok: true; text: string; encoding: string; replaced: number } | { ok: false; reason: string };

/**
 * At most this many stray control characters, and at most one per STRAY_SPACING characters, are
 * replaced rather than refused: a saved page with one bad byte reads, a binary file still does not.
 */
export const STRAY_MAX = 8;
const STRAY_SPACING = 200;

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Control characters that never occur in text (tab, newline, form feed and carriage return do), and
// the five bytes Windows-1252 leaves undefined, which iconv-lite passes through as C1 controls.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u0081\u008D\u008F\u0090\u009D]/u;
const NOT_TEXT_ALL = new RegExp(NOT_TEXT.source, 'gu');

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
  if (!NOT_TEXT.test(text)) return { ok: true, text, encoding, replaced: 0 };
  const stray = text.match(NOT_TEXT_ALL)?.length ?? 0;
  if (stray > STRAY_MAX || stray * STRAY_SPACING > text.length) {
    return { ok: false, reason: `not readable text as ${encoding} (${stray} control characters)` };
  }
  return { ok: true, text: text.replace(NOT_TEXT_ALL, '\uFFFD'), encoding, replaced: stray };
}

/** Whether decoded text holds a control character no text file has (see NOT_TEXT). */
export function hasControlCharacters(text: string): boolean {
  return NOT_TEXT.test(text);
}

export interface DecodedLines {
  /** The file's text with every unreadable line blanked, so line numbers still hold. */
  text: string;
  encoding: string;
  /** Lines left out (1-based) and why. */
  bad: { line: number; reason: string }[];
}

/**
 * Bytes → text one line at a time, for `.jsonl`, where each line is a record of its own: a line
 * with a control byte or invalid UTF-8 is blanked and reported, and the other lines still read.
 * JSON text is UTF-8 (RFC 8259); a UTF-16 file with a byte-order mark is decoded whole.
 */
export function decodeLines(bytes: Uint8Array): DecodedLines {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad: DecodedLines['bad'] = [];
  let lines: string[];
  let encoding = 'UTF-8';
  const utf16 = buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
  if (utf16) {
    encoding = buffer[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    lines = iconv.decode(buffer.subarray(2), encoding.toLowerCase()).split('\n');
  } else {
    const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
    const body = bom ? buffer.subarray(3) : buffer;
    lines = [];
    // A newline byte never occurs inside a UTF-8 sequence, so splitting the bytes first is safe.
    for (let start = 0; start <= body.length; ) {
      const end = body.indexOf(0x0a, start);
      const stop = end === -1 ? body.length : end;
      try {
        lines.push(utf8.decode(body.subarray(start, stop)));
      } catch {
        bad.push({ line: lines.length + 1, reason: 'not valid UTF-8' });
        lines.push('');
      }
      start = stop + 1;
    }
  }
  for (const [i, line] of lines.entries()) {
    if (NOT_TEXT.test(line)) {
      bad.push({ line: i + 1, reason: 'control characters' });
      lines[i] = '';
    }
  }
  bad.sort((a, b) => a.line - b.line);
  return { text: lines.join('\n'), encoding, bad };
}
