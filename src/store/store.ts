// The embedded store for everything derived from the coverage: what each file read as, each
// article's analysis, the merged statements and people, and the index. One SQLite file per cache
// folder (better-sqlite3), in WAL mode: one writer at a time, any number of readers, and a reader
// inside a transaction sees one whole state while another process writes. A crash mid-write leaves
// the last committed state. Blobs are raw bytes (typed arrays as they are in memory), each under a
// sha256 so that a byte changed on disk is noticed, as the JSON caches' checksum line did.
//
// A file that is not a database, is damaged, or was written by another version of this schema is
// set aside and rebuilt, with one warning. A folder that cannot be written gives a store in memory
// (the run works; the next start is cold), also with one warning.
import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Bump when a table changes shape: an older store is then rebuilt, not misread. */
const SCHEMA_VERSION = 3;
export const STORE_FILE = 'coverage-bot.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, name TEXT NOT NULL, part INTEGER NOT NULL, key TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (kind, name, part));
CREATE TABLE IF NOT EXISTS items (kind TEXT NOT NULL, scope TEXT NOT NULL, key TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (kind, scope, key));
CREATE TABLE IF NOT EXISTS files (scope TEXT NOT NULL, path TEXT NOT NULL, stamp TEXT NOT NULL, digest TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (scope, path));
CREATE TABLE IF NOT EXISTS shared (scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (scope, key));
`;

/** Most of the store file mapped into memory for reading (SQLite's mmap_size). */
const MMAP_BYTES = 8 * 1024 ** 3;

// One-shot crypto.hash: half the cost of createHash() on the many small rows a warm start checks.
export const sha256 = (bytes: Uint8Array | string): string => hash('sha256', bytes, 'hex');

/** A file's row: what decides whether to read it again, and what it read as. */
export interface FileRow {
  /** Size, modification time and whatever else decides a re-read without opening the file. */
  stamp: string;
  /** sha256 of the bytes read: a file touched but unchanged is not parsed again. */
  digest: string;
  body: Buffer;
}

type Db = Database.Database;

/** SQLite's codes for a file that is not a database or is damaged. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB' || code === 'SQLITE_FORMAT';
}

export class Store {
  private db!: Db;
  /** On disk, or `:memory:` when the folder could not be written. */
  location: string;
  /** Warnings since the last `takeWarnings()`, one line each (a store rebuilt, or kept in memory). */
  private warnings: string[] = [];
  /** Prepared statements by SQL, for the connection they were prepared on. */
  private statements = new Map<string, Database.Statement>();

  private constructor(readonly file: string) {
    this.location = file;
    this.connect();
  }

  private static readonly open = new Map<string, Store>();

  /** The store of a cache folder, one per folder per process. */
  static forDir(dir: string): Store {
    const file = join(resolve(dir), STORE_FILE);
    let store = Store.open.get(file);
    if (!store) Store.open.set(file, (store = new Store(file)));
    return store;
  }

  /** A connection of its own to a folder's store, outside the per-process one: what another process has. */
  static openSeparately(dir: string): Store {
    return new Store(join(resolve(dir), STORE_FILE));
  }

  /** Closes this connection (a separately opened one; `closeAll` closes the per-process ones). */
  close(): void {
    this.db.close();
  }

  /** Closes every store this process opened (tests, and a clean exit). */
  static closeAll(): void {
    for (const store of Store.open.values()) store.db.close();
    Store.open.clear();
  }

  takeWarnings(): string[] {
    const taken = this.warnings;
    this.warnings = [];
    return taken;
  }

  /** A prepared statement, prepared once per connection (preparing cost more than the look-ups it served). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private connect(): void {
    this.statements = new Map();
    try {
      mkdirSync(resolve(this.file, '..'), { recursive: true });
      this.db = this.prepare(new Database(this.file, { timeout: 10_000 }));
      this.location = this.file;
    } catch (error) {
      if (isDamage(error)) return this.rebuild(error);
      // A read-only or missing folder: keep working from memory for this run.
      this.warnings.push(`could not open the cache store ${this.file} (${(error as { code?: string }).code ?? (error as Error).message}); derived data kept in memory, built again at the next start`);
      this.db = this.prepare(new Database(':memory:'));
      this.location = ':memory:';
    }
  }

  /** Schema and settings; a store of another schema version is emptied first. */
  private prepare(db: Db): Db {
    try {
      if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Reads straight from the file's pages (no copy into SQLite's cache): half the time of a warm
      // start's reads at 10x (docs/archives.md). The size is a ceiling, not an allocation.
      if (db.name !== ':memory:') db.pragma(`mmap_size = ${MMAP_BYTES}`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        db.exec('DROP TABLE IF EXISTS records; DROP TABLE IF EXISTS items; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS shared;');
        db.exec(SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Sets a damaged file aside (`.damaged`) and starts an empty store in its place. */
  private rebuild(error: unknown): void {
    try {
      this.db?.close();
    } catch {
      // already unusable
    }
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    try {
      renameSync(this.file, `${this.file}.damaged`);
    } catch {
      rmSync(this.file, { force: true });
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${this.file}${suffix}`, { force: true });
    this.warnings.push(`cache store ${this.file} was damaged (${reason}); set aside as ${this.file}.damaged and rebuilt`);
    this.connect();
  }

  /** Runs `fn` on the database; a damaged file is rebuilt and `fn` runs once more on the new one. */
  private use<T>(fn: (db: Db) => T): T {
    try {
      return fn(this.db);
    } catch (error) {
      if (!isDamage(error)) throw error;
      this.rebuild(error);
      return fn(this.db);
    }
  }

  /** A record's parts if every part carries `key` and its checksum holds; read in one transaction. */
  getRecord(kind: string, name: string, key: string): Buffer[] | null {
    return this.use((db) => {
      const rows = db.transaction(() => db.prepare('SELECT part, key, checksum, body FROM records WHERE kind = ? AND name = ? ORDER BY part').all(kind, name))() as {
        part: number;
        key: string;
        checksum: string;
        body: Buffer;
      }[];
      if (rows.length === 0 || rows.some((r, i) => r.part !== i || r.key !== key)) return null;
      if (rows.some((r) => sha256(r.body) !== r.checksum)) {
        this.warnings.push(`cached ${kind} in ${this.file} was changed after it was written (its contents do not match their checksum); rebuilt, not used`);
        db.prepare('DELETE FROM records WHERE kind = ? AND name = ?').run(kind, name);
        return null;
      }
      return rows.map((r) => r.body);
    });
  }

  /** Replaces a record's parts in one transaction: a reader sees the old parts or the new, never a mix. */
  putRecord(kind: string, name: string, key: string, parts: Uint8Array[]): void {
    this.use((db) => {
      const insert = db.prepare('INSERT INTO records (kind, name, part, key, checksum, body) VALUES (?, ?, ?, ?, ?, ?)');
      db.transaction(() => {
        db.prepare('DELETE FROM records WHERE kind = ? AND name = ?').run(kind, name);
        parts.forEach((body, part) => insert.run(kind, name, part, key, sha256(body), body));
      })();
    });
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock taken first, so read-then-write cannot
   * interleave with another process): for the shared state of replicas (src/state/storeState.ts).
   */
  shared<T>(fn: (db: Db) => T): T {
    return this.use((db) => db.transaction(fn).immediate(db));
  }

  /** Content-addressed items of one scope (e.g. each article's analysis), by key; damaged ones are left out. */
  getItems(kind: string, scope: string, keys: readonly string[]): Map<string, Buffer> {
    return this.use((db) => {
      const select = this.sql('SELECT checksum, body FROM items WHERE kind = ? AND scope = ? AND key = ?');
      const found = new Map<string, Buffer>();
      let damaged = 0;
      db.transaction(() => {
        for (const key of keys) {
          const row = select.get(kind, scope, key) as { checksum: string; body: Buffer } | undefined;
          if (!row) continue;
          if (sha256(row.body) === row.checksum) found.set(key, row.body);
          else damaged++;
        }
      })();
      if (damaged) this.warnings.push(`${damaged} cached ${kind} item(s) in ${this.file} failed their checksum; analysed again`);
      return found;
    });
  }

  /** Writes new items and drops the scope's items not in `keep`, in one transaction. */
  putItems(kind: string, scope: string, items: ReadonlyMap<string, Uint8Array>, keep: ReadonlySet<string>): void {
    this.use((db) => {
      const insert = db.prepare('INSERT OR REPLACE INTO items (kind, scope, key, checksum, body) VALUES (?, ?, ?, ?, ?)');
      const existing = db.prepare('SELECT key FROM items WHERE kind = ? AND scope = ?').pluck();
      const remove = db.prepare('DELETE FROM items WHERE kind = ? AND scope = ? AND key = ?');
      db.transaction(() => {
        for (const [key, body] of items) insert.run(kind, scope, key, sha256(body), body);
        for (const key of existing.all(kind, scope) as string[]) if (!keep.has(key)) remove.run(kind, scope, key);
      })();
    });
  }

  /**
   * Up to `limit` file rows of a scope from `path` on, in path order: a warm start asks for files in
   * listing order, and one range scan costs a fraction of a lookup per file. Checksums are the
   * caller's to check.
   */
  filesFrom(scope: string, path: string, limit: number): (FileRow & { path: string; checksum: string })[] {
    return this.use(
      () => this.sql('SELECT path, stamp, digest, checksum, body FROM files WHERE scope = ? AND path >= ? ORDER BY path LIMIT ?').all(scope, path, limit) as (FileRow & { path: string; checksum: string })[],
    );
  }

  /** Writes these file rows and removes the scope's rows for paths not in `keep`, in one transaction. */
  putFiles(scope: string, rows: ReadonlyMap<string, FileRow>, keep: ReadonlySet<string>): void {
    this.use((db) => {
      const insert = db.prepare('INSERT OR REPLACE INTO files (scope, path, stamp, digest, checksum, body) VALUES (?, ?, ?, ?, ?, ?)');
      const existing = db.prepare('SELECT path FROM files WHERE scope = ?').pluck();
      const remove = db.prepare('DELETE FROM files WHERE scope = ? AND path = ?');
      db.transaction(() => {
        for (const [path, row] of rows) insert.run(scope, path, row.stamp, row.digest, sha256(row.body), row.body);
        for (const path of existing.all(scope) as string[]) if (!keep.has(path)) remove.run(scope, path);
      })();
    });
  }
}
