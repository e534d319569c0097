// The WebSocket half: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with the events a
// session missed while disconnected, shards (each guild's events go to shard (guild_id >> 22) % n),
// and the faults production brings: closes with a resumable or non-resumable code, invalid sessions.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { snowflake } from './snowflake.js';
import { guildCreatePayload, readyPayload, shardOf, type World } from './world.js';

const HEARTBEAT_INTERVAL = 41_250;
/** Events kept per session for RESUME (Discord keeps a few minutes' worth). */
const RESUME_BUFFER = 2000;

interface Session {
  id: string;
  seq: number;
  shard: [number, number];
  /** The open connection, or null while the client is away (events are buffered for RESUME). */
  socket: WebSocket | null;
  /** Dispatched events, for replay on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
  /** False once closed with a non-resumable code or invalidated: RESUME is refused. */
  resumable: boolean;
}

export interface GatewayStats {
  identifies: number;
  resumes: number;
  /** Events replayed to resuming sessions. */
  replayed: number;
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readyWaiters: { shards: number | null; resolve: () => void }[] = [];
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, replayed: 0 };

  constructor(
    private readonly world: World,
    private readonly token: string | null,
    private readonly url: () => string,
    private readonly log: (line: string) => void,
  ) {
    this.wss.on('connection', (socket) => this.open(socket));
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  private live(): Session[] {
    return [...this.sessions.values()].filter((s) => s.resumable);
  }

  /** Some session is identified (connected, or away but resumable). */
  get connected(): boolean {
    return this.live().length > 0;
  }

  /** Shards with a session, e.g. [0, 1]. */
  get shards(): number[] {
    return [...new Set(this.live().map((s) => s.shard[0]))].sort((a, b) => a - b);
  }

  /** Resolves once a client has identified (with `shards`: once that many shards have). */
  ready(shards: number | null = null): Promise<void> {
    const done = () => (shards === null ? this.live().some((s) => s.socket) : this.shards.length >= shards);
    if (done()) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push({ shards, resolve }));
  }

  /** Sends an event to the session whose shard owns `guildId` (every session when null); returns the shards sent to. */
  dispatch(event: string, data: unknown, guildId: string | null = null): number[] {
    const sent: number[] = [];
    for (const s of this.live()) {
      if (guildId !== null && shardOf(guildId, s.shard[1]) !== s.shard[0]) continue;
      const payload = { s: ++s.seq, t: event, d: data };
      s.sent.push(payload);
      if (s.sent.length > RESUME_BUFFER) s.sent.shift();
      if (s.socket) this.send(s.socket, { op: GatewayOpcodes.Dispatch, ...payload });
      sent.push(s.shard[0]);
    }
    return sent;
  }

  /** Closes every connection with `code`: 4000 lets clients resume; 4009 (or `resumable: false`) makes them identify again. */
  closeAll(code: number, resumable = code < 4003 || code === 4008): void {
    for (const s of this.sessions.values()) {
      s.resumable = s.resumable && resumable;
      s.socket?.close(code, 'stand-in fault');
      s.socket = null;
    }
  }

  /** Sends op 9 INVALID_SESSION (d: false): the client must identify again. */
  invalidateAll(): void {
    for (const s of this.sessions.values()) {
      s.resumable = false;
      if (s.socket) this.send(s.socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
    }
  }

  close(): void {
    for (const s of this.sessions.values()) s.socket?.close(1001, 'stand-in closing');
    this.sessions.clear();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  private open(socket: WebSocket): void {
    let session: Session | null = null;
    socket.on('close', () => {
      if (session?.socket === socket) session.socket = null;
    });
    socket.on('message', (raw) => {
      session = this.receive(socket, session, String(raw));
    });
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL }, s: null, t: null });
  }

  private notifyReady(): void {
    const waiting = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiting) {
      if (w.shards === null || this.shards.length >= w.shards) w.resolve();
      else this.readyWaiters.push(w);
    }
  }

  private receive(socket: WebSocket, session: Session | null, raw: string): Session | null {
    let payload: { op?: number; d?: Record<string, unknown> | number | null };
    try {
      payload = JSON.parse(raw);
    } catch {
      socket.close(GatewayCloseCodes.DecodeError, 'Decode error');
      return session;
    }
    const d = payload.d as Record<string, unknown> | null;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return session;
      case GatewayOpcodes.Identify: {
        // IDENTIFY
        if (this.token !== null && d?.token !== this.token) {
          this.log('gateway: IDENTIFY with the wrong token; closing 4004');
          socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          return session;
        }
        const shard = (Array.isArray(d?.shard) ? d.shard : [0, 1]) as [number, number];
        if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
          socket.close(4010, 'Invalid shard.');
          return session;
        }
        this.stats.identifies++;
        // A new session replaces whatever this shard had: Discord keeps one per shard.
        for (const [id, old] of this.sessions) if (old.shard[0] === shard[0] && old.shard[1] === shard[1]) this.sessions.delete(id);
        const fresh: Session = { id: snowflake().slice(-16), seq: 0, shard, socket, sent: [], resumable: true };
        this.sessions.set(fresh.id, fresh);
        const guilds = this.world.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
        this.send(socket, { op: GatewayOpcodes.Dispatch, t: 'READY', s: ++fresh.seq, d: readyPayload(this.world, fresh.id, this.url(), shard, guilds) });
        for (const g of guilds) this.send(socket, { op: GatewayOpcodes.Dispatch, t: 'GUILD_CREATE', s: ++fresh.seq, d: guildCreatePayload(this.world, g) });
        this.notifyReady();
        return fresh;
      }
      case GatewayOpcodes.Resume: {
        // RESUME: replay what the session missed, then RESUMED; refuse sessions that cannot resume.
        const known = this.sessions.get(String(d?.session_id ?? ''));
        if (!known || !known.resumable || (this.token !== null && d?.token !== this.token)) {
          this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
          return session;
        }
        this.stats.resumes++;
        known.socket = socket;
        const after = Number(d?.seq ?? 0);
        for (const event of known.sent) {
          if (event.s <= after) continue;
          this.send(socket, { op: GatewayOpcodes.Dispatch, ...event });
          this.stats.replayed++;
        }
        this.send(socket, { op: GatewayOpcodes.Dispatch, t: 'RESUMED', s: ++known.seq, d: {} });
        this.notifyReady();
        return known;
      }
      default:
        // Presence and voice updates (op 3, 4) and anything else are accepted and ignored.
        return session;
    }
  }
}
