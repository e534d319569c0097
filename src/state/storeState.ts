// Shared state in the embedded store (the `shared` table of src/store/store.ts): processes on one
// machine, or replicas on one volume, agree without a server. Each operation is one SQLite
// transaction (IMMEDIATE: the writer lock is taken first), so two processes racing on one replay or
// one /add cannot both win.
import type { Store } from '../store/store.js';
import type { SharedState, TakeResult } from './sharedState.js';

export class StoreState implements SharedState {
  readonly where: string;

  constructor(private readonly store: Store) {
    this.where = store.location;
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    this.store.shared((db) => {
      db.prepare('INSERT OR REPLACE INTO shared (scope, key, value, expires) VALUES (?, ?, ?, ?)').run('query', key, value, Date.now() + ttlMs);
    });
  }

  async get(key: string): Promise<string | null> {
    return this.store.shared((db) => {
      const row = db.prepare('SELECT value, expires FROM shared WHERE scope = ? AND key = ?').get('query', key) as { value: string; expires: number } | undefined;
      return row && row.expires >= Date.now() ? row.value : null;
    });
  }

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.store.shared((db) => {
      db.prepare('DELETE FROM shared WHERE scope = ? AND expires < ?').run('seen', now);
      return db.prepare('INSERT OR IGNORE INTO shared (scope, key, value, expires) VALUES (?, ?, ?, ?)').run('seen', id, '1', now + ttlMs).changes === 1;
    });
  }

  async take(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<TakeResult> {
    return this.store.shared((db) => {
      const row = db.prepare('SELECT value FROM shared WHERE scope = ? AND key = ?').get('rate', bucket) as { value: string } | undefined;
      const recent = (row ? (JSON.parse(row.value) as number[]) : []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) return { ok: false as const, retryInMs: windowMs - (now - recent[0]!) };
      recent.push(now);
      db.prepare('INSERT OR REPLACE INTO shared (scope, key, value, expires) VALUES (?, ?, ?, ?)').run('rate', bucket, JSON.stringify(recent), now + windowMs);
      return { ok: true as const };
    });
  }

  async close(): Promise<void> {}
}
