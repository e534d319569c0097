// Messages created by interaction responses and webhooks, stored as Discord message objects.
// discord.js turns what we return into Message structures, so ids, channel, author and
// interaction metadata must be present for collectors and edits to work.
import { InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { InteractionRecord } from './interaction.js';
import { snowflake } from './snowflake.js';
import type { StoredMessage } from './types.js';
import type { World } from './world.js';

export const EPHEMERAL = MessageFlags.Ephemeral;
export const LOADING = MessageFlags.Loading;

type Body = Record<string, unknown>;

/** Whether Discord would ping @everyone/@here for this content under these allowed_mentions. */
export function pingsEveryone(content: string, allowed: unknown): boolean {
  if (!/@(everyone|here)\b/u.test(content)) return false;
  if (allowed === undefined || allowed === null) return true;
  const parse = (allowed as { parse?: unknown }).parse;
  return Array.isArray(parse) && parse.includes('everyone');
}

export class MessageStore {
  readonly byId = new Map<string, StoredMessage>();

  constructor(private readonly world: World) {}

  create(ix: InteractionRecord, body: Body | undefined, extraFlags = 0, commandName?: string): StoredMessage {
    const now = new Date().toISOString();
    const message: StoredMessage = {
      id: snowflake(),
      type: MessageType.ChatInputCommand,
      channel_id: ix.payload.channel_id ?? this.world.channelId,
      guild_id: ix.payload.guild_id ?? this.world.guildId,
      author: this.world.bot,
      webhook_id: this.world.appId,
      application_id: this.world.appId,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: now,
      edited_timestamp: null,
      flags: extraFlags,
      interaction_metadata: {
        id: ix.id,
        type: InteractionType.ApplicationCommand,
        user: ix.user,
        authorizing_integration_owners: { '0': ix.payload.guild_id ?? this.world.guildId },
      },
      interaction: { id: ix.id, type: InteractionType.ApplicationCommand, name: commandName ?? ix.name, user: ix.user },
      interactionId: ix.id,
      edits: 0,
    };
    this.apply(message, body, true);
    this.byId.set(message.id, message);
    return message;
  }

  /** Applies a message body (create or edit): only the fields sent change, as with Discord's PATCH. */
  apply(message: StoredMessage, body: Body | undefined, creating = false): void {
    if (!body) return;
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds as StoredMessage['embeds'];
    if (Array.isArray(body.components)) message.components = body.components as StoredMessage['components'];
    if ('allowed_mentions' in body) message.allowed_mentions = body.allowed_mentions;
    // Ephemerality is fixed at creation; later edits cannot change it.
    if (creating && typeof body.flags === 'number') message.flags |= body.flags & (EPHEMERAL | MessageFlags.SuppressEmbeds);
    if (!creating) {
      message.flags &= ~LOADING;
      message.edits += 1;
      message.edited_timestamp = new Date().toISOString();
    }
    message.mention_everyone = pingsEveryone(message.content, message.allowed_mentions);
  }

  get(id: string | null): StoredMessage | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** The message as the API returns it (without the stand-in's bookkeeping). */
  static toApi(message: StoredMessage): Body {
    const { interactionId: _i, edits: _e, allowed_mentions: _a, ...api } = message;
    return api;
  }
}
