// A loopback Discord: HTTP API + WebSocket gateway on 127.0.0.1 that a real discord.js Client logs
// into via `rest.api`. Tests and the sandbox drive it as a user would: run a command, type into an
// autocomplete, click a button, and read back what the bot answered and how fast.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gateway } from './gateway.js';
import { InteractionRecord } from './interaction.js';
import { MessageStore } from './messages.js';
import { handleRest, type RestState } from './rest.js';
import type { RecordedRequest, SendOptions, StandInUser, StoredMessage } from './types.js';
import { interactionBase, makeWorld, type World } from './world.js';

export { InteractionRecord } from './interaction.js';
export type { RecordedRequest, StandInUser, StoredMessage } from './types.js';

export interface StandInOptions {
  /** The bot token to accept; omit to accept any. */
  token?: string;
  appId?: string;
  /** Debug lines (connections, refusals); silent by default. */
  log?: (line: string) => void;
}

/** Thrown when the Discord client itself would refuse the input (e.g. over max_length). */
export class RejectedByClient extends Error {}

type OptionValue = string | number | boolean;
type CommandOption = { name: string; type: number; required?: boolean; max_length?: number; min_length?: number; autocomplete?: boolean };

const OPTION_STRING = 3;
const OPTION_INTEGER = 4;
const OPTION_BOOLEAN = 5;
const OPTION_NUMBER = 10;

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OPTION_BOOLEAN;
  if (typeof value === 'number') return Number.isInteger(value) ? OPTION_INTEGER : OPTION_NUMBER;
  return OPTION_STRING;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // Only the JSON part matters here; attachments are not stored.
    const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/u.exec(text);
    return m ? JSON.parse(m[1]!) : undefined;
  }
  return JSON.parse(text);
}

export class StandIn {
  readonly world: World;
  readonly requests: RecordedRequest[] = [];
  readonly messages: MessageStore;
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commands = new Map<string, Record<string, unknown>[]>();
  private readonly server: Server;
  private readonly gateway: Gateway;
  private readonly state: RestState;
  private port = 0;
  private listeners = new Set<() => void>();

  constructor(private readonly options: StandInOptions = {}) {
    this.world = makeWorld(options.appId);
    this.messages = new MessageStore(this.world);
    const log = options.log ?? (() => {});
    this.gateway = new Gateway(this.world, options.token ?? null, () => this.gatewayUrl, log);
    this.state = {
      world: this.world,
      token: options.token ?? null,
      gatewayUrl: '',
      messages: this.messages,
      interactions: this.interactions,
      commands: this.commands,
    };
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://x').pathname === '/gateway') this.gateway.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.state.gatewayUrl = this.gatewayUrl;
    return this;
  }

  /** What to give discord.js as `rest.api` (it appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Resolves when a bot has logged in through the gateway. */
  ready(): Promise<void> {
    return this.gateway.ready();
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Commands the bot registered, guild ones first (they win over global ones on Discord). */
  registeredCommand(name: string): Record<string, unknown> | undefined {
    const scopes = [this.world.guildId, 'global', ...this.commands.keys()];
    for (const scope of scopes) {
      const found = this.commands.get(scope)?.find((c) => c.name === name);
      if (found) return found;
    }
    return undefined;
  }

  /** Runs `/name` with these options, as `user` (default: the asker). */
  sendCommand(name: string, options: Record<string, OptionValue> = {}, send: SendOptions = {}): InteractionRecord {
    return this.dispatchCommand(2, name, this.buildOptions(name, options, null, true), send);
  }

  /** Types `typed` into option `focused` of `/name` (other options as already filled in). */
  sendAutocomplete(name: string, focused: string, typed: string, others: Record<string, OptionValue> = {}, send: SendOptions = {}): InteractionRecord {
    return this.dispatchCommand(4, name, this.buildOptions(name, { ...others, [focused]: typed }, focused, false), send);
  }

  /** Clicks the button `customId` on a message (or on the reply to an interaction). */
  clickButton(target: InteractionRecord | StoredMessage | string, customId: string, send: SendOptions = {}): InteractionRecord {
    const messageId = typeof target === 'string' ? target : target instanceof InteractionRecord ? target.originalMessageId : target.id;
    const message = this.messages.get(messageId);
    if (!message) throw new RejectedByClient(`No message ${messageId} to click on`);
    const button = message.components.flatMap((row) => row.components ?? []).find((c) => c.custom_id === customId);
    if (!button) throw new RejectedByClient(`Message ${message.id} has no button ${customId}`);
    if (button.disabled && !send.evenIfDisabled) throw new RejectedByClient(`Button ${customId} is disabled`);
    const user = send.user ?? this.world.asker;
    const payload = {
      ...interactionBase(this.world, 3, user, send.locale ?? 'en-GB', send.member),
      message: MessageStore.toApi(message),
      data: { custom_id: customId, component_type: 2 },
    };
    return this.dispatch(new InteractionRecord(payload, user, customId, message.id), payload);
  }

  /** Resolves when `check()` holds, re-checked after every request the bot makes. */
  waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!check()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  private buildOptions(name: string, given: Record<string, OptionValue>, focused: string | null, enforce: boolean) {
    const defined = ((this.registeredCommand(name)?.options ?? []) as CommandOption[]);
    if (enforce) {
      // The Discord client refuses to send a command with a missing required option or an over-long string.
      for (const opt of defined) {
        const value = given[opt.name];
        if (opt.required && value === undefined) throw new RejectedByClient(`/${name} needs option ${opt.name}`);
        if (typeof value === 'string' && opt.max_length !== undefined && value.length > opt.max_length) {
          throw new RejectedByClient(`/${name} ${opt.name} is longer than ${opt.max_length} characters`);
        }
      }
    }
    return Object.entries(given).map(([key, value]) => {
      const type = defined.find((o) => o.name === key)?.type ?? inferType(value);
      return { name: key, type, value, ...(key === focused ? { focused: true } : {}) };
    });
  }

  private dispatchCommand(type: 2 | 4, name: string, options: unknown[], send: SendOptions): InteractionRecord {
    const user = send.user ?? this.world.asker;
    const command = this.registeredCommand(name);
    const payload = {
      ...interactionBase(this.world, type, user, send.locale ?? 'en-GB', send.member),
      data: { id: (command?.id as string | undefined) ?? '0', name, type: 1, options, guild_id: this.world.guildId },
    };
    return this.dispatch(new InteractionRecord(payload, user, name, null), payload);
  }

  private dispatch(ix: InteractionRecord, payload: unknown): InteractionRecord {
    if (!this.gateway.connected) throw new Error('No bot is connected to the stand-in gateway');
    this.interactions.set(ix.id, ix);
    ix.markDispatched();
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return ix;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    let result: { status: number; body?: unknown };
    let body: unknown;
    try {
      body = await readBody(req);
      result = handleRest(this.state, method, url.pathname, url.searchParams, body, req.headers.authorization);
    } catch (error) {
      result = { status: 400, body: { message: `Bad request: ${(error as Error).message}`, code: 50109 } };
    }
    this.requests.push({ method, path: url.pathname, query: url.searchParams, body, at: Date.now(), status: result.status });
    if (result.body === undefined) {
      res.writeHead(result.status).end();
    } else {
      res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
    }
    for (const listener of [...this.listeners]) listener();
  }
}

/** Starts a stand-in on an ephemeral loopback port. */
export function startStandin(options: StandInOptions = {}): Promise<StandIn> {
  return new StandIn(options).listen();
}

export type { World };
export { MANAGE_SERVER_PERMISSIONS } from './world.js';
export type { StandInUser as User };
