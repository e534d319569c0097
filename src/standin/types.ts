// The stand-in's records: what the bot sent back, in the shapes Discord's API uses.
import type { APIEmbed } from 'discord-api-types/v10';

export interface StandInUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

/** A message as the stand-in stores it: Discord's message object plus its edit count. */
export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  content: string;
  embeds: APIEmbed[];
  components: { type: number; components?: { type: number; custom_id?: string; label?: string; disabled?: boolean; style?: number }[] }[];
  flags: number;
  allowed_mentions?: unknown;
  /** The interaction that created it (and whose token edits it). */
  interactionId: string;
  edits: number;
  [key: string]: unknown;
}

/** One POST …/callback: the interaction response type and its data. */
export interface RecordedCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  /** ms since the interaction was dispatched. */
  afterMs: number;
}

/** Every HTTP request the bot made, for tests to inspect (e.g. allowed_mentions on each reply). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  at: number;
  status: number;
}

export type Final =
  | { kind: 'message'; message: StoredMessage }
  | { kind: 'choices'; choices: { name: string; value: string | number }[] }
  | { kind: 'modal'; data: unknown }
  /** HTTP mode: the endpoint refused the delivery or gave no usable response (Discord shows "interaction failed"). */
  | { kind: 'failed'; reason: string };

export interface SendOptions {
  user?: StandInUser;
  /** The server it happens in (default: the first). */
  guild?: string;
  locale?: string;
  /** Click a disabled button anyway: a click racing the bot's "disable buttons" edit. */
  evenIfDisabled?: boolean;
  /** The member's roles and permissions in this interaction (default: an everyday member, no roles). */
  member?: { roles?: string[]; permissions?: string };
}
