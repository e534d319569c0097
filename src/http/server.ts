// HTTP interactions: Discord POSTs each interaction to one URL; any replica behind any load balancer
// can answer, since nothing an answer needs lives in one process (page buttons carry their query).
//   POST /interactions   signed interaction → its first response (PING → PONG)
//   GET  /healthz        200 while the process takes work, 503 once it is draining
import cluster from 'node:cluster';
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { REST } from 'discord.js';
import type { Incoming } from '../bot/context.js';
import type { Logger } from '../bot/log.js';
import { handleRaw, type RawInteraction } from './httpInteraction.js';
import { SeenSignatures, verifyInteraction } from './verify.js';

/** Discord's interaction payloads are a few KB; anything near this is not from Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface InteractionServerOptions {
  publicKey: KeyObject;
  rest: REST;
  dispatch: (incoming: Incoming) => Promise<void>;
  logger: Logger;
  maxBodyBytes?: number;
}

export interface InteractionServer {
  server: Server;
  /** Stops taking interactions (healthz says 503, new POSTs get 503), then waits for answers in progress. */
  drain(): Promise<void>;
}

class TooLarge extends Error {}

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
  const seen = new SeenSignatures();
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
      throw error;
    }
    const verdict = verifyInteraction(
      options.publicKey,
      req.headers['x-signature-ed25519'] as string | undefined,
      req.headers['x-signature-timestamp'] as string | undefined,
      body,
      seen,
    );
    if (verdict !== 'ok') {
      options.logger.warn({ verdict, remote: req.socket.remoteAddress }, 'refused an interaction request');
      return send(res, 401, { message: 'Invalid request signature.' });
    }
    let raw: RawInteraction;
    try {
      raw = JSON.parse(body.toString('utf8')) as RawInteraction;
      if (typeof raw?.type !== 'number') throw new Error('no type');
    } catch {
      return send(res, 400, { message: 'Body is not an interaction.' });
    }
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

  const server = createServer((req, res) => {
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
  // Discord keeps connections alive; a slow client must not hold a socket for ever.
  server.requestTimeout = 10_000;

  return {
    server,
    async drain() {
      draining = true;
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
