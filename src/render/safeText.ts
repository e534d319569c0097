// Belt and braces next to `allowedMentions: { parse: [] }`: text we echo can never ping anyone
// even if a reply were sent without it, and cannot break out of our markdown.

const ZWSP = '\u200b';

/** Breaks @everyone / @here and user/role/channel mention syntax with a zero-width space. */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/giu, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/gu, `<$1${ZWSP}$2>`);
}

/**
 * Escapes Discord markdown so passage text shows literally: emphasis, strike, spoiler and code
 * marks, masked-link brackets, and a heading, quote, list mark or `1.` opening a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|[\]])/gu, '\\$1')
    .replace(/^(\s*)([#>+-])/gmu, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gmu, '$1\\.');
}

// Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the
// marks (LRM, RLM, ALM). An override in echoed text reverses the rest of our line as Discord draws it
// (a question could make a citation read backwards); right-to-left scripts display without them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** `text` without bidirectional control characters, so it cannot reorder the reply around it. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text safe to show inside a message: bidi controls removed, markdown escaped, mentions broken, whitespace collapsed. */
export function safeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(stripBidiControls(text).replace(/\s+/gu, ' ').trim()));
}
