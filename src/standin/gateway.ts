// The WebSocket half: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, a minimal RESUME,
// and dispatching events (INTERACTION_CREATE) to every identified connection.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { snowflake } from './snowflake.js';
import { guildCreatePayload, readyPayload, type World } from './world.js';

const HEARTBEAT_INTERVAL = 41_250;

interface Session {
  socket: WebSocket;
  id: string;
  seq: number;
  identified: boolean;
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readyWaiters: (() => void)[] = [];

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

  get connected(): boolean {
    return [...this.sessions].some((s) => s.identified);
  }

  /** Resolves once a client has identified and received its guild. */
  ready(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  dispatch(event: string, data: unknown): number {
    let sent = 0;
    for (const s of this.sessions) {
      if (!s.identified) continue;
      this.send(s, { op: 0, t: event, s: ++s.seq, d: data });
      sent++;
    }
    return sent;
  }

  close(): void {
    for (const s of this.sessions) s.socket.close(1001, 'stand-in closing');
    this.sessions.clear();
    this.wss.close();
  }

  private send(s: Session, payload: unknown): void {
    if (s.socket.readyState === s.socket.OPEN) s.socket.send(JSON.stringify(payload));
  }

  private open(socket: WebSocket): void {
    const session: Session = { socket, id: snowflake().slice(-16), seq: 0, identified: false };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('message', (raw) => this.receive(session, String(raw)));
    this.send(session, { op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL }, s: null, t: null });
  }

  private receive(s: Session, raw: string): void {
    let payload: { op?: number; d?: Record<string, unknown> | number | null };
    try {
      payload = JSON.parse(raw);
    } catch {
      s.socket.close(4002, 'Decode error');
      return;
    }
    const d = payload.d as Record<string, unknown> | null;
    switch (payload.op) {
      case 1: // HEARTBEAT
        this.send(s, { op: 11, d: null, s: null, t: null });
        break;
      case 2: // IDENTIFY
        if (this.token !== null && d?.token !== this.token) {
          this.log('gateway: IDENTIFY with the wrong token; closing 4004');
          s.socket.close(4004, 'Authentication failed.');
          return;
        }
        s.identified = true;
        this.send(s, { op: 0, t: 'READY', s: ++s.seq, d: readyPayload(this.world, s.id, this.url()) });
        this.send(s, { op: 0, t: 'GUILD_CREATE', s: ++s.seq, d: guildCreatePayload(this.world) });
        for (const w of this.readyWaiters.splice(0)) w();
        break;
      case 6: // RESUME: nothing was missed in a loopback world, so just say so
        s.identified = true;
        s.seq = Number(d?.seq ?? s.seq);
        this.send(s, { op: 0, t: 'RESUMED', s: ++s.seq, d: {} });
        break;
      default:
        // Presence and voice updates (op 3, 4) and anything else are accepted and ignored.
        break;
    }
  }
}
