// The raw interaction payloads Discord POSTs in HTTP mode, seen through the same shapes commands use
// in gateway mode (src/bot/commandContract.ts). The first response goes back as the HTTP reply; everything
// after it (the answer replacing "thinking…", follow-ups) goes through discord.js's REST client to
// the interaction's webhook, as discord.js itself does.
import { InteractionResponseType, InteractionType, MessageFlags, type ComponentType } from 'discord-api-types/v10';
import { PermissionsBitField, Routes, type REST } from 'discord.js';
import type { AutocompleteRequest, ButtonPress, CommandInteraction, Incoming, MessageBody, OptionData } from '../bot/commandContract.js';
import { PayloadOptions } from '../bot/payloadOptions.js';

/** Response types from Discord's API, by what they do here. */
export const RESPONSE = {
  pong: InteractionResponseType.Pong,
  message: InteractionResponseType.ChannelMessageWithSource,
  deferMessage: InteractionResponseType.DeferredChannelMessageWithSource,
  deferUpdate: InteractionResponseType.DeferredMessageUpdate,
  update: InteractionResponseType.UpdateMessage,
  choices: InteractionResponseType.ApplicationCommandAutocompleteResult,
} as const;

/**
 * Discord fails an interaction not answered within 3 s. If a handler has not answered by this time,
 * the exchange answers "thinking…" (or "deferred update") itself and the handler's reply becomes an edit.
 */
export const AUTO_DEFER_MS = 2000;

/**
 * A deferral is held this long before it is sent: an answer ready by then goes out as the HTTP reply
 * itself (one round trip, no webhook call); a slower one follows "thinking…" through the webhook.
 */
export const DEFER_HOLD_MS = 250;

export interface RawInteraction {
  id: string;
  application_id: string;
  type: InteractionType;
  token: string;
  data?: { name?: string; options?: OptionData[]; custom_id?: string; component_type?: ComponentType };
  /** In a server: the member, with their role ids and permissions (a bitfield as a decimal string). */
  member?: { user?: { id: string }; roles?: string[]; permissions?: string };
  user?: { id: string };
}

export interface InitialResponse {
  type: InteractionResponseType;
  data?: Record<string, unknown>;
}

/** discord.js's message options → the API's body (snake_case allowed_mentions, flags). */
export function toApiBody(body: MessageBody & { flags?: number }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body.content !== undefined) out.content = body.content;
  if (body.embeds !== undefined) out.embeds = body.embeds;
  if (body.components !== undefined) out.components = body.components;
  if (body.flags !== undefined) out.flags = body.flags;
  const m = body.allowedMentions;
  if (m) {
    out.allowed_mentions = {
      parse: m.parse ?? [],
      ...(m.users ? { users: m.users } : {}),
      ...(m.roles ? { roles: m.roles } : {}),
      ...(m.repliedUser !== undefined ? { replied_user: m.repliedUser } : {}),
    };
  }
  return out;
}

/** One interaction's exchange: the single HTTP reply, then REST calls with the interaction token. */
class Exchange {
  deferred = false;
  replied = false;
  ephemeral: boolean | null = null;
  private answered = false;
  private resolveInitial!: (response: InitialResponse) => void;
  readonly initial = new Promise<InitialResponse>((resolve) => (this.resolveInitial = resolve));

  constructor(
    readonly raw: RawInteraction,
    private readonly rest: REST,
    /** Resolves once the HTTP reply has been written: nothing may reach the webhook before it. */
    private readonly sent: Promise<void>,
  ) {}

  get acknowledged(): boolean {
    return this.answered;
  }

  /** Sends the HTTP reply; false if it has gone already (the automatic deferral came first). */
  answer(response: InitialResponse): boolean {
    if (this.answered) return false;
    this.answered = true;
    this.releaseHeld = null;
    this.resolveInitial(response);
    return true;
  }

  /** A deferral not sent yet, and how to turn the answer into the HTTP reply instead. */
  private held: { asReply: (body: MessageBody) => InitialResponse } | null = null;
  private releaseHeld: (() => void) | null = null;

  /** Defers, but holds the deferral for `ms` in case the answer is ready by then. */
  hold(deferral: InitialResponse, asReply: (body: MessageBody) => InitialResponse, ms: number): boolean {
    if (this.answered || this.held) return false;
    this.held = { asReply };
    const timer = setTimeout(() => this.releaseHeld?.(), ms);
    this.releaseHeld = () => {
      clearTimeout(timer);
      this.held = null;
      this.answer(deferral);
    };
    return true;
  }

  /** Sends a held deferral now (before any webhook call). */
  private flush(): void {
    this.releaseHeld?.();
  }

  /** Sends the answer as the HTTP reply if a deferral is still held; true if it did. */
  private answerHeld(body: MessageBody): boolean {
    const held = this.held;
    if (!held || this.answered) return false;
    this.held = null;
    this.answer(held.asReply(body));
    return true;
  }

  private get original(): `/${string}` {
    return Routes.webhookMessage(this.raw.application_id, this.raw.token, '@original');
  }

  async editOriginal(body: MessageBody): Promise<unknown> {
    if (this.answerHeld(body)) return undefined;
    if (!this.answered) throw new Error('The reply to this interaction has not been sent or deferred.');
    await this.sent;
    return this.rest.patch(this.original, { body: toApiBody(body), auth: false });
  }

  async deleteOriginal(): Promise<unknown> {
    this.flush();
    await this.sent;
    return this.rest.delete(this.original, { auth: false });
  }

  async followUp(body: MessageBody & { flags?: number }): Promise<unknown> {
    this.flush();
    if (!this.answered) throw new Error('The reply to this interaction has not been sent or deferred.');
    await this.sent;
    return this.rest.post(Routes.webhook(this.raw.application_id, this.raw.token), { body: toApiBody(body), auth: false });
  }
}

const userOf = (raw: RawInteraction) => ({ id: raw.member?.user?.id ?? raw.user?.id ?? '0' });
// What moderator-only commands (/coverage's skipped list, /add) check, as discord.js gives it. Role
// names (ADD_ROLE) need the server's roles, which an HTTP interaction does not carry, so `guild` is
// null here and HTTP mode refuses to start with ADD_ROLE set (src/bot/deployment.ts).
const permissionsOf = (raw: RawInteraction) => (raw.member?.permissions ? new PermissionsBitField(BigInt(raw.member.permissions)) : null);
const memberOf = (raw: RawInteraction) => (raw.member ? { roles: raw.member.roles ?? [] } : null);

/** What every kind of HTTP interaction reads the same way from its payload: who, with what rights. */
abstract class FromPayload {
  readonly user: { id: string };
  readonly memberPermissions: PermissionsBitField | null;
  readonly member: { roles: string[] } | null;
  readonly guild = null;
  constructor(protected readonly x: Exchange) {
    this.user = userOf(x.raw);
    this.memberPermissions = permissionsOf(x.raw);
    this.member = memberOf(x.raw);
  }
  get id() {
    return this.x.raw.id;
  }
  get deferred() {
    return this.x.deferred;
  }
  get replied() {
    return this.x.replied;
  }
}

class HttpCommand extends FromPayload implements CommandInteraction {
  readonly options: PayloadOptions;
  constructor(x: Exchange) {
    super(x);
    this.options = new PayloadOptions(x.raw.data?.options ?? []);
  }
  get commandName() {
    return this.x.raw.data?.name ?? '';
  }
  get ephemeral() {
    return this.x.ephemeral;
  }
  async deferReply(options: { flags?: MessageFlags.Ephemeral } = {}): Promise<void> {
    const flags = options.flags ?? 0;
    const asReply = (body: MessageBody): InitialResponse => ({ type: RESPONSE.message, data: { ...toApiBody(body), flags } });
    if (!this.x.hold({ type: RESPONSE.deferMessage, data: { flags } }, asReply, DEFER_HOLD_MS)) return;
    this.x.deferred = true;
    this.x.ephemeral = Boolean(flags & MessageFlags.Ephemeral);
  }
  editReply(body: MessageBody): Promise<unknown> {
    return this.x.editOriginal(body);
  }
  async reply(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown> {
    // Past the automatic "thinking…", a reply can only replace it.
    if (this.x.acknowledged) return this.x.editOriginal(body);
    this.x.answer({ type: RESPONSE.message, data: toApiBody(body) });
    this.x.replied = true;
    this.x.ephemeral = Boolean((body.flags ?? 0) & MessageFlags.Ephemeral);
    return undefined;
  }
  followUp(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown> {
    return this.x.followUp(body);
  }
  deleteReply(): Promise<unknown> {
    return this.x.deleteOriginal();
  }
}

class HttpAutocomplete extends FromPayload implements AutocompleteRequest {
  readonly options: PayloadOptions;
  constructor(x: Exchange) {
    super(x);
    this.options = new PayloadOptions(x.raw.data?.options ?? []);
  }
  get commandName() {
    return this.x.raw.data?.name ?? '';
  }
  get responded() {
    return this.x.acknowledged;
  }
  async respond(choices: { name: string; value: string | number }[]): Promise<void> {
    this.x.answer({ type: RESPONSE.choices, data: { choices } });
  }
}

class HttpButton extends FromPayload implements ButtonPress {
  get customId() {
    return this.x.raw.data?.custom_id ?? '';
  }
  async reply(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown> {
    if (this.x.acknowledged) return this.x.followUp(body);
    this.x.answer({ type: RESPONSE.message, data: toApiBody(body) });
    this.x.replied = true;
    return undefined;
  }
  async deferUpdate(): Promise<void> {
    const asReply = (body: MessageBody): InitialResponse => ({ type: RESPONSE.update, data: toApiBody(body) });
    if (this.x.hold({ type: RESPONSE.deferUpdate }, asReply, DEFER_HOLD_MS)) this.x.deferred = true;
  }
  async update(body: MessageBody): Promise<unknown> {
    if (this.x.acknowledged) return this.x.editOriginal(body);
    this.x.answer({ type: RESPONSE.update, data: toApiBody(body) });
    this.x.replied = true;
    return undefined;
  }
  editReply(body: MessageBody): Promise<unknown> {
    return this.x.editOriginal(body);
  }
  followUp(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown> {
    return this.x.followUp(body);
  }
}

export interface Handled {
  /** The HTTP reply: the interaction's first response. */
  initial: Promise<InitialResponse>;
  /** Settles when the handler is done (the answer sent through REST, if it was deferred). */
  done: Promise<void>;
}

/**
 * Runs `dispatch` on a raw interaction. The HTTP reply is whatever the handler answers first; if it
 * answers nothing within AUTO_DEFER_MS, a deferral (or, for autocomplete, no choices) is sent instead.
 */
export function handleRaw(
  raw: RawInteraction,
  rest: REST,
  dispatch: (incoming: Incoming) => Promise<void>,
  sent: Promise<void>,
  autoDeferMs = AUTO_DEFER_MS,
): Handled {
  if (raw.type === InteractionType.Ping) return { initial: Promise.resolve({ type: RESPONSE.pong }), done: Promise.resolve() };
  const x = new Exchange(raw, rest, sent);
  let incoming: Incoming;
  let fallback: InitialResponse;
  if (raw.type === InteractionType.ApplicationCommand) {
    incoming = { kind: 'command', interaction: new HttpCommand(x) };
    fallback = { type: RESPONSE.deferMessage, data: { flags: 0 } };
  } else if (raw.type === InteractionType.ApplicationCommandAutocomplete) {
    incoming = { kind: 'autocomplete', interaction: new HttpAutocomplete(x) };
    fallback = { type: RESPONSE.choices, data: { choices: [] } };
  } else if (raw.type === InteractionType.MessageComponent) {
    incoming = { kind: 'button', interaction: new HttpButton(x) };
    fallback = { type: RESPONSE.deferUpdate };
  } else {
    // Modals and anything newer: nothing to say; an empty deferred update is the quietest answer.
    return { initial: Promise.resolve({ type: RESPONSE.deferUpdate }), done: Promise.resolve() };
  }
  const timer = setTimeout(() => {
    if (x.acknowledged) return;
    x.answer(fallback);
    x.deferred = fallback.type !== RESPONSE.choices;
    x.ephemeral = false;
  }, autoDeferMs);
  const done = dispatch(incoming).finally(() => {
    clearTimeout(timer);
    // A handler that returned without answering: close the exchange so the HTTP reply goes out.
    if (!x.acknowledged) x.answer(fallback);
  });
  return { initial: x.initial, done };
}
