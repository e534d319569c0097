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

/** Text safe to show inside a message: markdown escaped, mentions broken, whitespace collapsed. */
export function safeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text.replace(/\s+/gu, ' ').trim()));
}
