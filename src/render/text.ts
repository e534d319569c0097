// A Discord message laid out as terminal text, the way the Discord client shows it: content,
// then each embed as a bar-edged card (title, description, fields, footer), then the buttons.
// Pure, so the sandbox and tests can show exactly what a user would see.
import { MessageFlags, type APIEmbed } from 'discord-api-types/v10';

/** The parts of a message that Discord draws; both API JSON and recorded stand-in messages fit. */
export interface DrawableMessage {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: { type: number; components?: { type: number; label?: string; disabled?: boolean; custom_id?: string }[] }[] | null;
  flags?: number | null;
}

export interface TextOptions {
  /** Bold with ANSI escapes (a TTY); otherwise keep Discord's `**` so bold stays visible. */
  ansi?: boolean;
  /** The bot's name over the message. */
  author?: string;
}

const EPHEMERAL = MessageFlags.Ephemeral;
const LOADING = MessageFlags.Loading;

// An escaped character is literal: it is set aside (as a private-use character) before bold and
// links are read, so a `\*` in an article never pairs with a highlight's `**`.
const ESCAPED = /\\([!-/:-@[-`{-~])/gu;
const PRIVATE = 0xe000;

/** Markdown as Discord displays it: escapes removed, zero-width spaces dropped, bold and links shown. */
function markdown(text: string, ansi: boolean): string {
  let out = text.replace(ESCAPED, (_all, c: string) => String.fromCharCode(PRIVATE + c.charCodeAt(0)));
  if (ansi) out = out.replace(/\*\*(.+?)\*\*/gsu, '\u001b[1m$1\u001b[22m');
  out = out.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/gu, '$1 <$2>');
  return out.replace(/[\ue000-\ue07f]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - PRIVATE)).replace(/\u200b/gu, '');
}

function card(embed: APIEmbed, ansi: boolean): string[] {
  const bar = '│ ';
  const lines: string[] = [];
  const add = (text: string) => {
    for (const line of text.split('\n')) lines.push(bar + line);
  };
  if (embed.author?.name) add(markdown(embed.author.name, ansi));
  if (embed.title) add(markdown(ansi ? `**${embed.title}**` : embed.title, ansi) + (embed.url ? `  <${embed.url}>` : ''));
  if (embed.description) add(markdown(embed.description, ansi));
  for (const field of embed.fields ?? []) {
    if (lines.length > 0) lines.push(bar.trimEnd());
    add(markdown(ansi ? `**${field.name}**` : field.name, ansi));
    add(markdown(field.value, ansi));
  }
  if (embed.footer?.text) {
    lines.push(bar.trimEnd());
    add(embed.footer.text.replace(/\u200b/gu, ''));
  }
  return lines;
}

function buttons(message: DrawableMessage): string[] {
  const rows: string[] = [];
  for (const row of message.components ?? []) {
    const labels = (row.components ?? [])
      .filter((c) => c.type === 2)
      .map((c) => (c.disabled ? `( ${c.label ?? ''} )` : `[ ${c.label ?? ''} ]`));
    if (labels.length > 0) rows.push(labels.join(' '));
  }
  return rows;
}

export function renderDiscordAsText(message: DrawableMessage, options: TextOptions = {}): string {
  const ansi = options.ansi ?? false;
  const flags = message.flags ?? 0;
  const lines: string[] = [];
  const author = options.author ?? 'coverage-bot';
  lines.push(`${author} [APP]${flags & EPHEMERAL ? '  · only you can see this' : ''}`);
  if (flags & LOADING && !message.content && !message.embeds?.length) lines.push(`${author} is thinking…`);
  if (message.content) lines.push(...markdown(message.content, ansi).split('\n'));
  for (const embed of message.embeds ?? []) {
    lines.push('');
    lines.push(...card(embed, ansi));
  }
  const row = buttons(message);
  if (row.length > 0) lines.push('', ...row);
  return lines.join('\n');
}
