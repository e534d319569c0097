// Page buttons that carry everything needed to rebuild their page, so that any replica, or the same
// bot after a restart, can answer a click: the command, its options, the page to show and the asker.
//
//   pg>1.<asker>.ask?question=Why+did+Rubio+leave%3F     inline: the query itself (when it fits)
//   pg<0.<asker>.#Qm9vdGVkIGJ5IGE                       a key of the query, kept in shared state
//
// Options are encoded generically from what Discord sent (name=value), so a command gaining options
// needs no change here; their types come back from the command's own definition.
import { createHash } from 'node:crypto';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { SharedState } from '../state/sharedState.js';
import type { OptionData } from './commandContract.js';

/** Discord's limit on a component's custom_id. */
export const CUSTOM_ID_MAX = 100;
const PREFIX = 'pg';

export type Direction = 'prev' | 'next';

/** The command and options a page of results was made from. */
export interface PageQuery {
  command: string;
  options: OptionData[];
}

export interface PageButton {
  direction: Direction;
  /** The page this button shows, from 0. */
  page: number;
  /** Only this user may page. */
  asker: string;
}

export type DecodedButton = PageButton & ({ query: PageQuery } | { key: string });

/** name → Discord option type, from the command's definition; undefined if the command is unknown. */
export type OptionTypes = (command: string) => Map<string, ApplicationCommandOptionType> | undefined;

function head(button: PageButton): string {
  const dir = button.direction === 'prev' ? '<' : '>';
  return `${PREFIX}${dir}${button.page.toString(36)}.${BigInt(button.asker).toString(36)}.`;
}

function optionPairs(options: readonly OptionData[]): [string, string][] {
  return options
    .filter((o) => o.value !== undefined && !o.focused)
    .map((o): [string, string] => [o.name, typeof o.value === 'boolean' ? (o.value ? '1' : '0') : String(o.value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The inline form of a query: `command?name=value&…`. */
function inline(query: PageQuery): string {
  const params = new URLSearchParams(optionPairs(query.options)).toString();
  return params ? `${query.command}?${params}` : query.command;
}

/** A short, stable key of the query: the same question from anyone shares one stored file. */
export function queryKey(query: PageQuery): string {
  return createHash('sha256').update(inline(query)).digest('base64url').slice(0, 16);
}

/** The custom_id for a button, inline when it fits, else with the key (which must then be stored). */
export function encodeButton(button: PageButton, query: PageQuery): { customId: string; key: string | null } {
  const start = head(button);
  const full = `${start}${inline(query)}`;
  if (full.length <= CUSTOM_ID_MAX) return { customId: full, key: null };
  const key = queryKey(query);
  return { customId: `${start}#${key}`, key };
}

/** Rebuilds the option list from `name=value` pairs, typed by the command's definition. */
function decodeOptions(params: URLSearchParams, types: Map<string, ApplicationCommandOptionType>): OptionData[] {
  const options: OptionData[] = [];
  for (const [name, raw] of params) {
    const type = types.get(name);
    if (type === undefined) continue; // an option the command no longer has
    let value: string | number | boolean = raw;
    if (type === ApplicationCommandOptionType.Boolean) value = raw === '1';
    else if (type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number) value = Number(raw);
    else if (type !== ApplicationCommandOptionType.String) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    options.push({ name, type, value });
  }
  return options;
}

const HEAD = /^pg([<>])([0-9a-z]{1,4})\.([0-9a-z]{1,14})\.(.+)$/su;

/** The button's contents, or null for anything this bot did not make (old or foreign ids). */
export function decodeButton(customId: string, types: OptionTypes): DecodedButton | null {
  const m = HEAD.exec(customId);
  if (!m) return null;
  const button: PageButton = {
    direction: m[1] === '<' ? 'prev' : 'next',
    page: parseInt(m[2]!, 36),
    asker: parseBase36(m[3]!),
  };
  const body = m[4]!;
  if (body.startsWith('#')) return /^#[\w-]{16}$/u.test(body) ? { ...button, key: body.slice(1) } : null;
  const q = body.indexOf('?');
  const command = q < 0 ? body : body.slice(0, q);
  const defined = types(command);
  if (!defined) return null;
  return { ...button, query: { command, options: decodeOptions(new URLSearchParams(q < 0 ? '' : body.slice(q + 1)), defined) } };
}

function parseBase36(text: string): string {
  let n = 0n;
  for (const ch of text) n = n * 36n + BigInt(parseInt(ch, 36));
  return n.toString();
}

/** How long a stored query stays pageable: a month (Discord keeps the message; the button then says "expired"). */
export const QUERY_KEPT_MS = 30 * 24 * 3600 * 1000;

/**
 * Queries too long for a custom_id, kept under their key in the bot's shared state (Redis with
 * REDIS_URL, else the embedded store in the cache folder; src/state): every replica and worker reads
 * what another wrote, and a restart still pages. Content-addressed, so two writers of one key write
 * the same value. A small in-memory map spares the store on hot keys.
 */
export class QueryStore {
  private readonly recent = new Map<string, PageQuery>();

  constructor(
    private readonly shared: Pick<SharedState, 'put' | 'get'>,
    private readonly types: OptionTypes,
    private readonly remember = 1000,
  ) {}

  private keep(key: string, query: PageQuery): void {
    this.recent.delete(key);
    this.recent.set(key, query);
    if (this.recent.size > this.remember) this.recent.delete(this.recent.keys().next().value!);
  }

  async put(key: string, query: PageQuery): Promise<void> {
    if (this.recent.has(key)) return;
    await this.shared.put(`page:${key}`, inline(query), QUERY_KEPT_MS);
    this.keep(key, query);
  }

  /** The stored query, or null when it is missing or not what the key names. */
  async get(key: string): Promise<PageQuery | null> {
    const known = this.recent.get(key);
    if (known) return known;
    const text = await this.shared.get(`page:${key}`);
    if (text === null) return null;
    const query = decodeInline(text, this.types);
    if (!query || queryKey(query) !== key) return null;
    this.keep(key, query);
    return query;
  }
}

function decodeInline(text: string, types: OptionTypes): PageQuery | null {
  const q = text.indexOf('?');
  const command = q < 0 ? text : text.slice(0, q);
  const defined = types(command);
  if (!defined) return null;
  return { command, options: decodeOptions(new URLSearchParams(q < 0 ? '' : text.slice(q + 1)), defined) };
}
