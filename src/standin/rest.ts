// The HTTP half of the stand-in: the few REST routes a bot uses, answered as Discord answers them.
// Paths arrive as `/api/v10/...` (discord.js puts the version after the `rest.api` base); both the
// `/api` prefix and the version are optional here.
import { ApplicationCommandType, InteractionResponseType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { InteractionRecord } from './interaction.js';
import { EPHEMERAL, LOADING, MessageStore } from './messages.js';
import { snowflake } from './snowflake.js';
import type { StoredMessage } from './types.js';
import type { World } from './world.js';

export interface RestState {
  world: World;
  /** The bot token expected in `Authorization: Bot …`; null accepts any. */
  token: string | null;
  gatewayUrl: string;
  /** What GET /gateway/bot recommends (SHARDS=auto asks for it). */
  recommendedShards: number;
  messages: MessageStore;
  interactions: Map<string, InteractionRecord>;
  /** The same interactions by token (webhook routes name the token, not the id). */
  byToken: Map<string, InteractionRecord>;
  /** Registered commands by scope: 'global' or a guild id. */
  commands: Map<string, Record<string, unknown>[]>;
}

export interface RestResult {
  status: number;
  body?: unknown;
}

type Body = Record<string, unknown>;

const json = (status: number, body: unknown): RestResult => ({ status, body });
const notFound = (message = '404: Not Found', code = 0) => json(404, { message, code });

/** `/api/v10/gateway/bot` → ['gateway', 'bot']. */
export function routeParts(pathname: string): string[] {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'api') parts.shift();
  if (parts[0] && /^v\d+$/u.test(parts[0])) parts.shift();
  return parts;
}

function authorised(state: RestState, authorization: string | undefined): boolean {
  if (!authorization?.startsWith('Bot ')) return false;
  return state.token === null || authorization === `Bot ${state.token}`;
}

export function handleRest(state: RestState, method: string, pathname: string, query: URLSearchParams, body: unknown, authorization?: string): RestResult {
  const p = routeParts(pathname);
  const [a, b, c, d, e] = p;
  // Interaction callbacks and webhooks authenticate by their token in the path, as on Discord.
  if (a === 'interactions' && b && c && d === 'callback' && method === 'POST') return callback(state, b, c, query, body as Body);
  if (a === 'webhooks' && b && c) return webhook(state, method, b, c, p.slice(3), body as Body);
  if (!authorised(state, authorization)) return json(401, { message: '401: Unauthorized', code: 0 });
  if (a === 'gateway' && b === 'bot' && method === 'GET') {
    return json(200, {
      url: state.gatewayUrl,
      shards: state.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    });
  }
  if (a === 'gateway' && !b && method === 'GET') return json(200, { url: state.gatewayUrl });
  if (a === 'users' && b === '@me' && method === 'GET') return json(200, state.world.bot);
  if (a === 'applications' && b === '@me' && method === 'GET') {
    return json(200, { id: state.world.appId, name: state.world.bot.username, flags: 0, bot_public: true });
  }
  if (a === 'applications' && b === state.world.appId) {
    if (c === 'commands' && !d) return commands(state, 'global', method, body);
    if (c === 'guilds' && d && e === 'commands' && p.length === 5) return commands(state, d, method, body);
  }
  if (a === 'applications' && b && b !== state.world.appId) return notFound('Unknown Application', 10002);
  return notFound();
}

function commands(state: RestState, scope: string, method: string, body: unknown): RestResult {
  const stamp = (cmd: Body): Body => ({
    id: snowflake(),
    application_id: state.world.appId,
    version: snowflake(),
    type: ApplicationCommandType.ChatInput,
    default_member_permissions: null,
    ...(scope === 'global' ? {} : { guild_id: scope }),
    ...cmd,
  });
  if (method === 'GET') return json(200, state.commands.get(scope) ?? []);
  if (method === 'PUT') {
    if (!Array.isArray(body)) return json(400, { message: 'Invalid Form Body', code: 50035 });
    const stored = (body as Body[]).map(stamp);
    state.commands.set(scope, stored);
    return json(200, stored);
  }
  if (method === 'POST') {
    const cmd = stamp(body as Body);
    const others = (state.commands.get(scope) ?? []).filter((x) => x.name !== cmd.name);
    state.commands.set(scope, [...others, cmd]);
    return json(201, cmd);
  }
  return json(405, { message: '405: Method Not Allowed', code: 0 });
}

function withResponse(ix: InteractionRecord, type: number, message: StoredMessage | undefined): RestResult {
  return json(200, {
    interaction: {
      id: ix.id,
      type: ix.type,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: message ? Boolean(message.flags & LOADING) : false,
      response_message_ephemeral: message ? Boolean(message.flags & EPHEMERAL) : false,
    },
    resource: { type, ...(message ? { message: MessageStore.toApi(message) } : {}) },
  });
}

export function callback(state: RestState, id: string, token: string, query: URLSearchParams, body: Body): RestResult {
  const ix = state.interactions.get(id);
  if (!ix || ix.token !== token) return notFound('Unknown interaction', RESTJSONErrorCodes.UnknownInteraction);
  if (ix.acknowledged) return json(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
  const type = Number(body?.type);
  const data = (body?.data ?? undefined) as Body | undefined;
  ix.callbacks.push({ type, data, afterMs: ix.sinceDispatch() });
  let message: StoredMessage | undefined;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      message = state.messages.create(ix, data);
      ix.originalMessageId = message.id;
      ix.settle({ kind: 'message', message: structuredClone(message) });
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource: // "is thinking…"
      message = state.messages.create(ix, { flags: data?.flags ?? 0 }, LOADING);
      ix.originalMessageId = message.id;
      break;
    case InteractionResponseType.DeferredMessageUpdate: // the clicked message changes later through @original
      message = state.messages.get(ix.originalMessageId);
      break;
    case InteractionResponseType.UpdateMessage: // the clicked message changes now
      message = state.messages.get(ix.originalMessageId);
      if (!message) return notFound('Unknown Message', 10008);
      state.messages.apply(message, data);
      ix.settle({ kind: 'message', message: structuredClone(message) });
      break;
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      ix.settle({ kind: 'choices', choices: (data?.choices ?? []) as { name: string; value: string }[] });
      break;
    case InteractionResponseType.Modal:
      ix.settle({ kind: 'modal', data });
      break;
    default:
      return json(400, { message: `Invalid interaction response type ${type}`, code: 50035 });
  }
  return query.get('with_response') === 'true' ? withResponse(ix, type, message) : { status: 204 };
}

function webhook(state: RestState, method: string, appId: string, token: string, rest: string[], body: Body): RestResult {
  const ix = state.byToken.get(token);
  if (appId !== state.world.appId || !ix) return notFound('Unknown Webhook', 10015);
  if (!ix.acknowledged) return notFound('Unknown Webhook', 10015);
  if (rest.length === 0 && method === 'POST') {
    // A follow-up to a deferred reply replaces the "thinking…" message, as Discord does.
    const original = state.messages.get(ix.originalMessageId);
    let message: StoredMessage;
    if (original && original.flags & LOADING) {
      state.messages.apply(original, body);
      message = original;
    } else {
      message = state.messages.create(ix, body);
      ix.followUpIds.push(message.id);
    }
    ix.settle({ kind: 'message', message: structuredClone(message) });
    return json(200, MessageStore.toApi(message));
  }
  if (rest[0] !== 'messages' || !rest[1]) return notFound();
  const messageId = rest[1] === '@original' ? ix.originalMessageId : rest[1];
  const message = state.messages.get(messageId);
  const mine = message && (message.id === ix.originalMessageId || ix.followUpIds.includes(message.id));
  if (!message || !mine) return notFound('Unknown Message', 10008);
  if (method === 'GET') return json(200, MessageStore.toApi(message));
  if (method === 'DELETE') {
    state.messages.delete(message.id);
    return { status: 204 };
  }
  if (method === 'PATCH') {
    state.messages.apply(message, body);
    ix.settle({ kind: 'message', message: structuredClone(message) });
    return json(200, MessageStore.toApi(message));
  }
  return json(405, { message: '405: Method Not Allowed', code: 0 });
}
