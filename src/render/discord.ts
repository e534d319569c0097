// Answers → plain Discord message JSON. Pure: no client, no I/O, so every limit is unit-testable.
// A result list becomes pages; the bot shows one page at a time with Previous/Next buttons.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import type { AskAnswer, Hit, Statement, WhoAnswer } from '../types.js';
import { excerpt } from '../answer/excerpt.js';
import { WEAK_SHOWN } from '../answer/weakMatch.js';
import { citeDetails, citeLabel, citeMarkdown, safeUrl, type ArticleLookup } from './cite.js';
import { formatDate, plural } from './format.js';
import { countTerms, highlight, stemsOf } from './highlight.js';
import { LIMITS } from './discordLimits.js';
import { neutraliseMentions, safeText } from './safeText.js';
import { truncate } from './truncate.js';

export { renderDiscordAsText } from './text.js';

/** One page of a reply: what goes into reply/editReply, before buttons are added. */
export interface Page {
  content: string;
  embeds: APIEmbed[];
}

export interface RenderOptions {
  /** How many results to put on one page at most (the 6000-character budget may put fewer). */
  perPage?: number;
  /** The article's link, when known, so a citation title can be clicked. */
  articleUrl?: (doc: string) => string | null;
  /** Title, link and source of an article, for citations of statements (which carry none). */
  articleOf?: ArticleLookup;
}

const COLOUR = 0x2b6cb0;
/** A passage is cut well below the 4096 limit so that three fit in one 6000-character message. */
const PASSAGE_MAX = 1500;
const ASK_PER_PAGE = 3;
const WHO_PER_PAGE = 5;

export const PREV_ID = 'page:prev';
export const NEXT_ID = 'page:next';
export const COUNT_ID = 'page:count';

/** Characters Discord counts towards the 6000 total for these embeds. */
export function embedsLength(embeds: APIEmbed[]): number {
  let n = 0;
  for (const e of embeds) {
    n += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}

/** Highlighted markdown for `text` that fits `max`, cut at a word boundary. */
function highlighted(text: string, stems: Set<string>, max: number, answer?: string): string {
  // Bold markers and escapes lengthen the text, so cut the plain text and shrink until it fits.
  let budget = max;
  for (;;) {
    const out = highlight(truncate(text, budget), stems, answer);
    if (out.length <= max || budget < 20) return out.length <= max ? out : truncate(safeText(text), max);
    budget -= out.length - max + 10;
  }
}

/** Whole lines that fit `room` characters together, then "…and n more" for the rest. */
function lines(items: string[], room: number): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, item] of items.entries()) {
    const more = items.length - i > 1 ? `\n…and ${items.length - i} more` : '';
    if (used + item.length + 1 + more.length > room) {
      out.push(`…and ${items.length - i} more`);
      break;
    }
    out.push(item);
    used += item.length + 1;
  }
  return truncate(out.join('\n'), room);
}

/**
 * The sentences of a long passage that carry the question's words (the whole passage when short),
 * always with the sentence holding the answer span when there is one.
 */
export function answeringText(text: string, stems: Set<string>, answer?: { start: number; end: number }): string {
  return excerpt(text, (sentence) => countTerms(sentence, stems), answer);
}

function hitEmbed(hit: Hit, rank: number, stems: Set<string>, options: RenderOptions): APIEmbed {
  // The embed title is plain text (no markdown), so the article's title goes in as written.
  const embed: APIEmbed = {
    color: COLOUR,
    title: truncate(`${rank}. ${citeLabel(hit)}`, LIMITS.embedTitle),
    description: highlighted(answeringText(hit.text, stems, hit.answer), stems, PASSAGE_MAX, hit.answer && hit.text.slice(hit.answer.start, hit.answer.end)),
    footer: { text: truncate(citeDetails(hit), LIMITS.footer) },
  };
  const url = safeUrl(hit.url ?? options.articleUrl?.(hit.doc));
  if (url) embed.url = url;
  if (hit.alsoIn.length > 0) {
    embed.fields = [{ name: 'Also in', value: lines(hit.alsoIn.map(citeMarkdown), LIMITS.fieldValue) }];
  }
  return embed;
}

/**
 * Greedily packs items into pages of at most `perPage`, keeping every page under the 6000-character
 * total (with `reserve` for the content line). Each item is already within the per-field limits.
 */
function pack<T>(items: T[], perPage: number, size: (item: T) => number, reserve: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = reserve;
  for (const item of items) {
    const n = size(item);
    if (page.length > 0 && (page.length >= perPage || used + n > LIMITS.embedsTotal)) {
      pages.push(page);
      page = [];
      used = reserve;
    }
    page.push(item);
    used += n;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** "showing 1–3 of 8 · 5 more" — the line that says where in the results this page is. */
function position(from: number, to: number, total: number): string {
  const more = total - to;
  const shown = from === to ? `showing ${from}` : `showing ${from}–${to}`;
  return more > 0 ? `${shown} of ${total} · ${more} more` : `${shown} of ${total}`;
}

function quoted(text: string, max: number): string {
  return `“${truncate(safeText(text), max - 2)}”`;
}

/** Pages for an /ask answer; a notice or "nothing found" is one page with content only. */
export function renderAsk(answer: AskAnswer, options: RenderOptions = {}): Page[] {
  const question = quoted(answer.question, 300);
  if (answer.passages.length === 0) {
    // The notice may quote the question: escape it like any echoed text.
    const text = answer.notice ? safeText(answer.notice) : `I found nothing in the coverage about ${question}. Try other words.`;
    return [{ content: truncate(text, LIMITS.content), embeds: [] }];
  }
  const stems = stemsOf(answer.question);
  // A weak match shows only the closest few (the notice says why).
  const shown = answer.weak ? answer.passages.slice(0, WEAK_SHOWN) : answer.passages;
  const embeds = shown.map((hit, i) => hitEmbed(hit, i + 1, stems, options));
  const total = embeds.length;
  const pages = pack(embeds, Math.min(options.perPage ?? ASK_PER_PAGE, LIMITS.embeds), (e) => embedsLength([e]), 0);
  let start = 0;
  return pages.map((page) => {
    const from = start + 1;
    start += page.length;
    const head = `**${plural(total, 'passage')}** for ${question} — ${position(from, start, total)}`;
    // A notice alongside results (e.g. "closest matches") goes under the first page's heading.
    if (answer.notice && from === 1) return { content: truncate(`${head}\n${safeText(answer.notice)}`, LIMITS.content), embeds: page };
    return { content: truncate(head, LIMITS.content), embeds: page };
  });
}

/** When it was said, as the field heading shows it: said date, else "published …", else "undated". */
export function whenSaid(s: Statement): string {
  if (s.saidOn) return formatDate(s.saidOn);
  if (s.publishedOn) return `published ${formatDate(s.publishedOn)}`;
  return 'undated';
}

function statementField(s: Statement, articleOf?: ArticleLookup, showSpeaker = false): APIEmbedField {
  // Statements of several people (the holders of a role): each says whose it is.
  const name = truncate(showSpeaker ? `${whenSaid(s)} — ${s.speaker}` : whenSaid(s), LIMITS.fieldName);
  const cite = `\n${truncate(citeMarkdown({ ...s, ...articleOf?.(s.doc) }), 300)}`;
  const cue = s.cue ? truncate(` — ${safeText(s.cue)}`, 200) : '';
  const room = LIMITS.fieldValue - cue.length - cite.length;
  // A long statement is shown by its opening sentences, like a long passage in /ask.
  const shown = excerpt(s.text, () => 0);
  const words = s.kind === 'indirect' ? truncate(safeText(shown), room) : quoted(shown, room);
  return { name, value: truncate(`${words}${cue}${cite}`, LIMITS.fieldValue) };
}

/** Pages for a /who answer: one embed per page, one field per statement, in the library's date order. */
export function renderWho(answer: WhoAnswer, options: RenderOptions = {}): Page[] {
  const query = quoted(answer.query, 100);
  if (!answer.person && answer.notice) return [{ content: truncate(safeText(answer.notice), LIMITS.content), embeds: [] }];
  if (!answer.person) {
    const suggestions = answer.suggestions.slice(0, 5).map((n) => `**${safeText(n)}**`);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : ' Try part of a name, e.g. a surname.';
    return [{ content: truncate(`I couldn't find anyone called ${query} in the coverage.${hint}`, LIMITS.content), embeds: [] }];
  }
  const name = safeText(answer.person.name);
  if (answer.statements.length === 0 && answer.notice) return [{ content: truncate(safeText(answer.notice), LIMITS.content), embeds: [] }];
  if (answer.statements.length === 0) {
    return [{ content: truncate(`**${name}** is in the coverage, but no statements are attributed to them.`, LIMITS.content), embeds: [] }];
  }
  const speakers = [...new Set(answer.statements.map((s) => s.speaker))];
  const several = speakers.length > 1;
  const fields = answer.statements.map((s) => statementField(s, options.articleOf, several));
  const aliases = answer.person.aliases.filter((a) => a !== answer.person?.name).map(safeText);
  const described = [answer.roleNote ? safeText(answer.roleNote) : '', aliases.length > 0 ? `Also called ${aliases.join(', ')}` : ''].filter(Boolean);
  const description = described.length > 0 ? truncate(described.join('\n'), 500) : undefined;
  const footer = { text: 'In date order: when said, else when published.' };
  const title = truncate(several ? `What ${speakers.map(safeText).join(', ')} said` : `What ${name} said`, LIMITS.embedTitle);
  const reserve = title.length + (description?.length ?? 0) + footer.text.length;
  const perPage = Math.min(options.perPage ?? WHO_PER_PAGE, LIMITS.fields);
  const pages = pack(fields, perPage, (f) => f.name.length + f.value.length, reserve);
  const total = fields.length;
  let start = 0;
  return pages.map((page) => {
    const from = start + 1;
    start += page.length;
    const embed: APIEmbed = { color: COLOUR, title, fields: page, footer };
    if (description) embed.description = description;
    const by = several ? `${speakers.length} people` : `**${name}**`;
    return { content: `**${plural(total, 'statement')}** by ${by} — ${position(from, start, total)}`, embeds: [embed] };
  });
}

/** The Previous · n/N · Next row for page `index` of `count`; all disabled once paging has ended. */
export function pagerRow(
  index: number,
  count: number,
  disabled = false,
  /** custom_ids for the arrows; the bot's carry the query (src/bot/pageButtons.ts). */
  ids: { prev: string; next: string } = { prev: PREV_ID, next: NEXT_ID },
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ids.prev, label: '◀ Previous', disabled: disabled || index === 0 },
      // A disabled button is the usual way to show the page number between the arrows.
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: COUNT_ID, label: `${index + 1}/${count}`, disabled: true },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ids.next, label: 'Next ▶', disabled: disabled || index >= count - 1 },
    ],
  };
}

/** A short ephemeral line, e.g. for errors and refusals. */
export function notice(text: string): Page {
  return { content: truncate(neutraliseMentions(text), LIMITS.content), embeds: [] };
}
