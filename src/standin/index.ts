// A loopback Discord: HTTP API + WebSocket gateway on 127.0.0.1 that a real discord.js Client logs
// into via `rest.api`. Tests and the sandbox drive it as a user would: run a command, type into an
// autocomplete, click a button, and read back what the bot answered and how fast.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationCommandOptionType, ApplicationCommandType, ComponentType, InteractionType } from 'discord-api-types/v10';
import { Gateway } from './gateway.js';
import { InteractionRecord } from './interaction.js';
import { MessageStore } from './messages.js';
import { callback, handleRest, routeParts, type RestState } from './rest.js';
import type { RecordedRequest, SendOptions, StandInUser, StoredMessage } from './types.js';
import { interactionBase, makeWorld, type World } from './world.js';

export { InteractionRecord } from './interaction.js';
export type { RecordedRequest, StandInUser, StoredMessage } from './types.js';
export type { GatewayStats } from './gateway.js';

export interface StandInOptions {
  /** The bot token to accept; omit to accept any. */
  token?: string;
  appId?: string;
  /** Debug lines (connections, refusals); silent by default. */
  log?: (line: string) => void;
  /** How many servers the bot is in (default 1); their ids fall on successive shards. */
  guilds?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
  /** Keep every request in `requests` (default true; long runs turn it off). */
  recordRequests?: boolean;
}

/** A REST response the stand-in gives instead of (or before) the real one, `times` times. */
export interface RestFault {
  method?: string;
  /** Matched against the path without /api and version, e.g. /webhooks/…/messages/@original. */
  path: RegExp;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (with the fault, or normally when no status is given). */
  delayMs?: number;
  times?: number;
}

/** Thrown when the Discord client itself would refuse the input (e.g. over max_length). */
export class RejectedByClient extends Error {}

type OptionValue = string | number | boolean;
type CommandOption = { name: string; type: number; required?: boolean; max_length?: number; min_length?: number; autocomplete?: boolean };

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
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
  private readonly byToken = new Map<string, InteractionRecord>();
  readonly commands = new Map<string, Record<string, unknown>[]>();
  private readonly server: Server;
  private readonly gateway: Gateway;
  private readonly state: RestState;
  private port = 0;
  private listeners = new Set<() => void>();
  /** The application's signing key, as Discord holds it for HTTP interactions. */
  private readonly signingKey: KeyObject;
  readonly publicKeyHex: string;
  /** HTTP interactions: the endpoints to POST to, taken in turn like a load balancer; null = gateway. */
  private endpoints: string[] | null = null;
  private nextEndpoint = 0;

  constructor(private readonly options: StandInOptions = {}) {
    this.world = makeWorld(options.appId, options.guilds ?? 1);
    const keys = generateKeyPairSync('ed25519');
    this.signingKey = keys.privateKey;
    this.publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    this.messages = new MessageStore(this.world);
    const log = options.log ?? (() => {});
    this.gateway = new Gateway(this.world, options.token ?? null, () => this.gatewayUrl, log);
    this.state = {
      world: this.world,
      token: options.token ?? null,
      gatewayUrl: '',
      recommendedShards: options.recommendedShards ?? 1,
      messages: this.messages,
      interactions: this.interactions,
      byToken: this.byToken,
      commands: this.commands,
    };
    this.server = createServer((req, res) => void this.serve(req, res));
    // Discord keeps connections open far longer than Node's 5 s default; a client reusing one the
    // server has just closed would see "other side closed" on a POST it cannot safely retry.
    this.server.keepAliveTimeout = 120_000;
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

  /** Resolves when a bot has logged in through the gateway (with `shards`: when that many shards have). */
  ready(shards: number | null = null): Promise<void> {
    return this.gateway.ready(shards);
  }

  /** Identifies, resumes and replayed events seen by the gateway. */
  get gatewayStats() {
    return this.gateway.stats;
  }

  /** Shards with a live session. */
  get shards(): number[] {
    return this.gateway.shards;
  }

  /** Fault: closes the bot's connections with `code` (4000: resumable; 4009: identify again). */
  closeGateway(code: number): void {
    this.gateway.closeAll(code);
  }

  /** Fault: op 9 INVALID_SESSION, not resumable. */
  invalidateSession(): void {
    this.gateway.invalidateAll();
  }

  private readonly faults: RestFault[] = [];

  /** Fault: answer matching REST requests with `fault` (429, 500, 10062…) the given number of times. */
  failRest(fault: RestFault): void {
    this.faults.push({ times: 1, ...fault });
  }

  private takeFault(method: string, path: string): RestFault | null {
    const bare = `/${routeParts(path).join('/')}`;
    const fault = this.faults.find((f) => (f.times ?? 1) > 0 && (!f.method || f.method === method) && f.path.test(bare));
    if (!fault) return null;
    fault.times = (fault.times ?? 1) - 1;
    return fault;
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
    return this.dispatchCommand(InteractionType.ApplicationCommand, name, this.buildOptions(name, options, null, true), send);
  }

  /** Types `typed` into option `focused` of `/name` (other options as already filled in). */
  sendAutocomplete(name: string, focused: string, typed: string, others: Record<string, OptionValue> = {}, send: SendOptions = {}): InteractionRecord {
    return this.dispatchCommand(InteractionType.ApplicationCommandAutocomplete, name, this.buildOptions(name, { ...others, [focused]: typed }, focused, false), send);
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
      ...interactionBase(this.world, InteractionType.MessageComponent, user, send.locale ?? 'en-GB', this.guildFor(message.guild_id), send.member),
      message: MessageStore.toApi(message),
      data: { custom_id: customId, component_type: ComponentType.Button },
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

  private dispatchCommand(type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete, name: string, options: unknown[], send: SendOptions): InteractionRecord {
    const user = send.user ?? this.world.asker;
    const command = this.registeredCommand(name);
    const guild = this.guildFor(send.guild);
    const payload = {
      ...interactionBase(this.world, type, user, send.locale ?? 'en-GB', guild, send.member),
      data: { id: (command?.id as string | undefined) ?? '0', name, type: ApplicationCommandType.ChatInput, options, guild_id: guild.id },
    };
    return this.dispatch(new InteractionRecord(payload, user, name, null), payload);
  }

  /**
   * Delivers interactions by signed POSTs to these URLs (the application's "Interactions Endpoint
   * URL"), in turn, as a load balancer in front of replicas would; null goes back to the gateway.
   */
  deliverOverHttp(urls: string | string[] | null): void {
    this.endpoints = urls === null ? null : [urls].flat();
    this.nextEndpoint = 0;
  }

  /** The headers Discord sends with a body: Ed25519 over timestamp + body, with the app's key. */
  sign(body: string, timestampS = Math.floor(Date.now() / 1000)): Record<string, string> {
    const timestamp = String(timestampS);
    const signature = sign(null, Buffer.from(timestamp + body), this.signingKey).toString('hex');
    return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }

  private remember(ix: InteractionRecord): void {
    this.interactions.set(ix.id, ix);
    this.byToken.set(ix.token, ix);
  }

  /** Drops an interaction and the messages it made (long runs: the load benchmark). */
  forget(ix: InteractionRecord): void {
    this.interactions.delete(ix.id);
    this.byToken.delete(ix.token);
    if (ix.type === InteractionType.ApplicationCommand && ix.originalMessageId) this.messages.delete(ix.originalMessageId);
    for (const id of ix.followUpIds) this.messages.delete(id);
  }

  private guildFor(id: string | undefined) {
    const guild = id === undefined ? this.world.guilds[0] : this.world.guilds.find((g) => g.id === id);
    if (!guild) throw new RejectedByClient(`The bot is not in guild ${id}`);
    return guild;
  }

  private dispatch(ix: InteractionRecord, payload: unknown): InteractionRecord {
    if (this.endpoints) {
      const url = this.endpoints[this.nextEndpoint++ % this.endpoints.length]!;
      this.remember(ix);
      ix.markDispatched();
      ix.delivery = this.post(ix, url, payload);
      return ix;
    }
    if (!this.gateway.connected) throw new Error('No bot is connected to the stand-in gateway');
    this.remember(ix);
    ix.markDispatched();
    ix.shards = this.gateway.dispatch('INTERACTION_CREATE', payload, ix.payload.guild_id ?? null);
    return ix;
  }

  /**
   * One HTTP delivery: the response body is the interaction's first callback, as on Discord. Each
   * delivery opens its own connection (Discord's requests come from many machines), so a load
   * balancer or node:cluster in front of replicas spreads them.
   */
  private async post(ix: InteractionRecord, url: string, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    try {
      const res = await postOnce(url, this.sign(body), body);
      const worker = res.headers['x-worker'];
      ix.servedBy = `${url}${worker ? `#${String(worker)}` : ''}`;
      if (res.status !== 200) {
        ix.deliveryFailed(`endpoint answered ${res.status}: ${res.text.slice(0, 200)}`);
        return;
      }
      const result = callback(this.state, ix.id, ix.token, new URLSearchParams(), JSON.parse(res.text) as Record<string, unknown>);
      if (result.status >= 400) ix.deliveryFailed(`endpoint's response refused: ${JSON.stringify(result.body)}`);
    } catch (error) {
      ix.deliveryFailed(`endpoint unreachable: ${(error as Error).message}`);
    }
    for (const listener of [...this.listeners]) listener();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    let result: { status: number; body?: unknown };
    let body: unknown;
    try {
      body = await readBody(req);
      // Discord takes an HTTP interaction's reply before its webhook calls: hold those until it has.
      const [a, , token] = routeParts(url.pathname);
      const delivering = a === 'webhooks' && token ? this.byToken.get(token)?.delivery : undefined;
      if (delivering) await delivering;
      const fault = this.takeFault(method, url.pathname);
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.status) {
        if (this.options.recordRequests !== false) this.requests.push({ method, path: url.pathname, query: url.searchParams, body, at: Date.now(), status: fault.status });
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers }).end(JSON.stringify(fault.body ?? {}));
        for (const listener of [...this.listeners]) listener();
        return;
      }
      result = handleRest(this.state, method, url.pathname, url.searchParams, body, req.headers.authorization);
    } catch (error) {
      result = { status: 400, body: { message: `Bad request: ${(error as Error).message}`, code: 50109 } };
    }
    if (this.options.recordRequests !== false) this.requests.push({ method, path: url.pathname, query: url.searchParams, body, at: Date.now(), status: result.status });
    if (result.body === undefined) {
      res.writeHead(result.status).end();
    } else {
      res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
    }
    for (const listener of [...this.listeners]) listener();
  }
}

function postOnce(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // Discord gives an endpoint 3 s to answer.
    req.setTimeout(3000, () => req.destroy(new Error('no response within 3 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts a stand-in on an ephemeral loopback port. */
export function startStandin(options: StandInOptions = {}): Promise<StandIn> {
  return new StandIn(options).listen();
}

export type { World };
export { MANAGE_SERVER_PERMISSIONS } from './world.js';
export type { StandInUser as User };
