// HTTP interactions: Discord POSTs each interaction to one URL; any replica behind any load balancer
// can answer, since nothing an answer needs lives in one process (page buttons carry their query).
//   POST /interactions   signed interaction → its first response (PING → PONG)
//   GET  /healthz        200 while the process takes work, 503 once it is draining
import cluster from 'node:cluster';
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { REST } from 'discord.js';
import { commandsByName } from '../../commands/index.js';
import type { Incoming } from '../bot/commandContract.js';
import { optionTypesOf } from '../bot/dispatcher.js';
import type { Logger } from '../bot/log.js';
import { handleRaw } from './httpInteraction.js';
import { checkInteractionShape, type DeclaredOptionTypes } from './payloadShape.js';
import { MemoryState, type SharedState } from '../state/sharedState.js';
import { isReplay, verifyInteraction, type Verdict } from './verify.js';

/** Discord's interaction payloads are a few KB; anything near this is not from Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How long and how many clients may hold the port. Discord sends each request whole and at once, so
 * these only bite on clients that are not Discord: idle or slow sockets that would otherwise pile up
 * until the process runs out of descriptors and /healthz, pings and commands fail with it.
 */
export interface HttpLimits {
  /** From connecting to a request's complete headers; a socket that sends nothing is closed. Default 10 s. */
  headersTimeoutMs: number;
  /** To receive a whole request, body included; a slow body gets 408 and is closed. Default 15 s. */
  requestTimeoutMs: number;
  /** A kept-alive connection idle this long after its last response is closed. Default 5 s. */
  keepAliveTimeoutMs: number;
  /**
   * Open connections at most (default 1,000). Past 90% of it the longest-idle connection is closed
   * for each new one, so a crowd of idle sockets never locks out /healthz or Discord; at the cap with
   * every connection mid-request, new ones are refused.
   */
  maxConnections: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

export interface InteractionServerOptions {
  publicKey: KeyObject;
  rest: REST;
  dispatch: (incoming: Incoming) => Promise<void>;
  logger: Logger;
  maxBodyBytes?: number;
  /** Any left out take DEFAULT_HTTP_LIMITS. */
  limits?: Partial<HttpLimits>;
  /** The options each command declares, to check payloads against (default: the bot's commands). */
  declaredOptions?: DeclaredOptionTypes;
  /** Where answered signatures are remembered, so a replay is refused on any worker (default: this process). */
  shared?: SharedState;
}

export interface InteractionServer {
  server: Server;
  /** Stops taking interactions (healthz says 503, new POSTs get 503), then waits for answers in progress. */
  drain(): Promise<void>;
}

class TooLarge extends Error {}

/** The client went away (or was cut off by a timeout) while sending its body: nothing to answer. */
const clientGone = (req: IncomingMessage, error: unknown) =>
  req.destroyed || ['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED'].includes((error as { code?: string }).code ?? '');

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}

/** Which worker answered, for operators and the replica tests (`WORKERS=N`). */
const served: Record<string, string> = cluster.isWorker && cluster.worker ? { 'x-worker': String(cluster.worker.id) } : {};

export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const declared = options.declaredOptions ?? optionTypesOf(commandsByName);
  const shared = options.shared ?? new MemoryState();
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { message: 'Use POST.' }, { allow: 'POST' });
    if (!/^application\/json\b/iu.test(req.headers['content-type'] ?? '')) return send(res, 415, { message: 'Send application/json.' });
    if (draining) return send(res, 503, { message: 'Shutting down.' }, { 'retry-after': '1' });
    let body: Buffer;
    try {
      body = await readBody(req, max);
    } catch (error) {
      if (error instanceof TooLarge) return send(res, 413, { message: 'Body too large.' }, { connection: 'close' });
      if (clientGone(req, error)) return options.logger.debug({ remote: req.socket.remoteAddress }, 'client left before its body arrived');
      throw error;
    }
    let verdict: Verdict = verifyInteraction(
      options.publicKey,
      req.headers['x-signature-ed25519'] as string | undefined,
      req.headers['x-signature-timestamp'] as string | undefined,
      body,
    );
    if (verdict === 'ok' && (await isReplay(shared, req.headers['x-signature-ed25519'] as string))) verdict = 'replayed';
    if (verdict !== 'ok') {
      options.logger.warn({ verdict, remote: req.socket.remoteAddress }, 'refused an interaction request');
      return send(res, 401, { message: 'Invalid request signature.' }, served);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { message: 'Body is not an interaction: not JSON.' });
    }
    // Checked here once, so command code never meets a field of the wrong shape.
    const shape = checkInteractionShape(parsed, declared);
    if (!shape.ok) {
      options.logger.warn({ problem: shape.problem, remote: req.socket.remoteAddress }, 'refused a malformed interaction');
      return send(res, 400, { message: `Body is not an interaction: ${shape.problem}.` });
    }
    const raw = shape.raw;
    let markSent!: () => void;
    const sent = new Promise<void>((resolve) => (markSent = resolve));
    // A closed connection (the client gave up) must not hold the follow-ups for ever.
    res.once('close', () => markSent());
    const handled = handleRaw(raw, options.rest, options.dispatch, sent);
    const answering = handled.done.catch((err) => options.logger.error({ err, interactionId: raw.id }, 'interaction failed'));
    inFlight.add(answering);
    void answering.finally(() => inFlight.delete(answering));
    const initial = await handled.initial;
    res.once('finish', () => markSent());
    send(res, 200, initial, served);
  }

  // Node checks its header and request timeouts on this interval; its default (30 s) would let a
  // slow client stay twice as long as configured.
  const checkEveryMs = Math.max(100, Math.min(1000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
  const server = createServer({ connectionsCheckingInterval: checkEveryMs }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route =
      path === '/interactions'
        ? interactions(req, res)
        : path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')
          ? Promise.resolve(send(res, draining ? 503 : 200, { ok: !draining }, served))
          : Promise.resolve(send(res, 404, { message: 'Not found.' }));
    route.catch((err) => {
      options.logger.error({ err }, 'http request failed');
      if (!res.headersSent) send(res, 500, { message: 'Internal error.' });
    });
  });
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  const connections = trackConnections(server, limits);

  return {
    server,
    async drain() {
      draining = true;
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        connections.closeIdle();
      });
    },
  };
}

interface Connection {
  /** Requests on it whose response has not finished. */
  busy: number;
  /** When it last became idle (connected, or finished a response). */
  idleSince: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Node's own timeouts leave a socket that never sends a byte (or trickles its headers) open: each
 * connection here gets a deadline whenever it is idle (to its first headers, then between requests),
 * and past 90% of the cap the longest-idle one makes room for each newcomer.
 */
function trackConnections(server: Server, limits: HttpLimits) {
  const open = new Map<Socket, Connection>();
  const soft = Math.max(1, Math.floor(limits.maxConnections * 0.9));
  const idle = (socket: Socket, state: Connection, ms: number) => {
    state.idleSince = Date.now();
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      if (state.busy === 0) socket.destroy();
    }, ms);
    state.timer.unref();
  };
  const closeLongestIdle = () => {
    let oldest: [Socket, Connection] | null = null;
    for (const entry of open) if (entry[1].busy === 0 && (!oldest || entry[1].idleSince < oldest[1].idleSince)) oldest = entry;
    oldest?.[0].destroy();
  };
  server.on('connection', (socket: Socket) => {
    if (open.size >= soft) closeLongestIdle();
    const state: Connection = { busy: 0, idleSince: Date.now(), timer: null };
    open.set(socket, state);
    idle(socket, state, limits.headersTimeoutMs);
    socket.once('close', () => {
      if (state.timer) clearTimeout(state.timer);
      open.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = open.get(req.socket);
    if (!state) return;
    state.busy++;
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    res.once('close', () => {
      state.busy--;
      if (state.busy === 0) idle(req.socket, state, limits.keepAliveTimeoutMs);
    });
  });
  return {
    /** Closes every connection with no request in progress (stopping). */
    closeIdle() {
      for (const [socket, state] of open) if (state.busy === 0) socket.destroy();
      server.closeIdleConnections();
    },
  };
}
