// A library that follows its coverage folder. It holds one immutable snapshot (`current`); `update`
// re-reads only the files it is given, builds the next snapshot beside the current one and swaps the
// reference. Updates run one at a time, in order; answers never wait for them.
//
// Search: the index built (or loaded from .cache) at start is the base; what changed since sits in a
// small live segment, with replaced or removed base paragraphs retired (src/live/liveIndex.ts). When
// the live part grows past a share of the base, or the coverage has been quiet for a while,
// compaction builds a new base over the whole current coverage and writes it to the cache (tmp +
// rename, src/search/indexCache.ts), so a restart after changes is a warm start.
import { defaultCacheDir } from '../cacheFile.js';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Library, LibraryOptions } from '../answer/library.js';
import { librarySnapshot, type LibrarySource } from '../answer/snapshot.js';
import { isArticleFile, isSidecarFile } from '../corpus/articleFiles.js';
import { loadArticles } from '../corpus/loadArticles.js';
import { openSearchState, speakerNames, type IndexedDocument, type IndexExtras } from '../search/index.js';
import type { AnalysedCoverage } from '../statements/analyseStatements.js';
import { articleAnalysesCached, readCacheFor } from '../statements/cache.js';
import type { Article, Coverage } from '../types.js';
import { perArticleAnalyser, type AnalyseCoverage } from './analyse.js';
import { articleDocuments, liveIndex, makeBase, speakersByArticle, type CachedDocuments, type LiveIndex } from './liveIndex.js';
import { changedPaths, folderState } from './folderState.js';
import { watchCoverage, type CoverageWatcher, type WatchOptions } from './watchCoverage.js';

export interface LiveLibraryOptions extends LibraryOptions {
  /** For tests that need "the index options changed". */
  indexFingerprint?: string;
  /** The statements step (default: perArticleAnalyser, only re-read articles analysed again). */
  analyse?: AnalyseCoverage;
  /** Quiet time after the last update before compaction writes a new base and cache (default 10 s). */
  compactAfterMs?: number;
  /** Compact at once when live + retired paragraphs exceed this many (default: the larger of 2,000 and 5% of the base). */
  compactAbove?: number;
  /**
   * From this many articles (default 5,000; 0 always), an update first swaps in a snapshot where the
   * changed articles are searchable with the register as it was (their statements left out), and
   * merges the register across the archive afterwards, queued like an update: the merge is linear in
   * the archive (about 5 s at 22,000 articles), the searchable swap is not. `settled()` waits for both.
   */
  mergeLaterFrom?: number;
  /** Operator log: what each update and compaction did (never for users). */
  onEvent?: (event: LiveEvent) => void;
  /**
   * Follow the folder from before it is first read (`true`, or the watcher's options): what changes
   * while the coverage loads is applied once it is ready. `watch()` after `open` misses those changes.
   */
  watch?: boolean | Omit<WatchOptions, 'dir' | 'onBatch'>;
}

export type LiveEvent =
  | { type: 'updated'; added: string[]; changed: string[]; removed: string[]; skipped: string[]; liveParagraphs: number; retiredParagraphs: number; ms: number }
  | { type: 'compacted'; paragraphs: number; fromCache: boolean; ms: number; warning: string | null }
  | { type: 'warning'; message: string }
  | { type: 'failed'; error: unknown };

/** What was read from one file: its articles (a feed may hold many), or why it was skipped. */
interface FileEntry {
  articles: Article[];
  skipped: { path: string; reason: string }[];
  /** To tell a real change from a touch. */
  digest: string;
}

export interface Snapshot extends Library {
  /** Counts up by one with every swap. */
  version: number;
}

export class LiveLibrary implements LibrarySource {
  private snapshot!: Snapshot;
  private readonly files = new Map<string, FileEntry>();
  private index!: LiveIndex;
  private extras!: IndexExtras;
  /** Index documents of the current coverage, in passage order, and the per-article objects they reuse. */
  private documents: IndexedDocument[] = [];
  private readonly documentCache = new WeakMap<Article, CachedDocuments>();
  private readonly analyse: AnalyseCoverage;
  private queue: Promise<unknown> = Promise.resolve();
  private compactTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private watcher: CoverageWatcher | null = null;
  readonly cacheFile: string;
  /** Whether the base index came from the cache at start (a warm start). */
  fromCache = false;
  readonly warnings: string[] = [];
  /** The statements step's warnings for the current coverage (articles cut to the limits). */
  private analysisWarnings: string[] = [];

  private constructor(private readonly options: LiveLibraryOptions) {
    this.cacheFile = join(this.cacheDir, `${this.cacheName}.json`);
    this.analyse = options.analyse ?? perArticleAnalyser();
  }

  static async open(options: LiveLibraryOptions): Promise<LiveLibrary> {
    const library = new LiveLibrary(options);
    // The watcher is ready before the folder is listed, so a file added, rewritten or deleted during
    // the load is an event; its batch waits in the update queue behind the load, and a file the load
    // already read as it now is comes out as no change (the digest). The folder is also looked at
    // (sizes, times) before and after the load, and what differs re-read before `open` resolves:
    // a watcher can miss an event while the thread is busy loading (chokidar did, 1 run in 4).
    if (options.watch) await library.watch(options.watch === true ? {} : options.watch);
    const before = await folderState(options.seedsDir);
    const starting = library.start();
    library.queue = starting;
    try {
      await starting;
      const differ = changedPaths(before, await folderState(options.seedsDir));
      if (differ.length > 0) await library.update(differ);
    } catch (error) {
      await library.watcher?.close();
      throw error;
    }
    return library;
  }

  private get cacheDir(): string {
    return this.options.cacheDir ?? defaultCacheDir();
  }

  /** One cache file per coverage folder, as openLibrary names it, so the two share a warm start. */
  private get cacheName(): string {
    return `index-${createHash('sha256').update(resolve(this.options.seedsDir)).digest('hex').slice(0, 16)}`;
  }

  private async start(): Promise<void> {
    const loaded = await loadArticles(this.options.seedsDir, { defaultSource: this.options.defaultSource, onProgress: this.options.onProgress, readCache: readCacheFor({ dir: this.cacheDir, coverage: this.options.seedsDir }) });
    for (const article of loaded.articles) this.entryFor(article.path).articles.push(article);
    for (const skipped of loaded.skipped) this.entryFor(skipped.path).skipped.push(skipped);
    for (const entry of this.files.values()) entry.digest = digestOf(entry);
    // Loops, not push(...): an archive's worth of lines would overflow the stack.
    for (const s of loaded.skipped) this.warnings.push(`skipped ${s.path}: ${s.reason}`);
    for (const line of loaded.warnings) this.warnings.push(line);

    const { onProgress } = this.options;
    const articleCount = loaded.articles.length;
    onProgress?.({ step: 'statements', done: 0, total: articleCount });
    let saveMerged: ((result: AnalysedCoverage) => string | null) | null = null;
    if (this.analyse.remember) {
      // Warm through the per-article statements cache that openLibrary also uses, in the order derive
      // merges them, and with the merged register when the store has it for exactly these articles.
      const articles = this.articlesInOrder();
      const cached = await articleAnalysesCached(articles, { dir: this.cacheDir, coverage: this.options.seedsDir });
      this.analyse.remember(articles, cached.analyses, cached.merged);
      if (!cached.merged) saveMerged = cached.saveMerged;
      if (cached.cacheWarning) this.warnings.push(cached.cacheWarning);
    }
    const { coverage, documents } = this.derive();
    const saveWarning = saveMerged?.({ statements: coverage.statements, people: coverage.people, warnings: this.analysisWarnings });
    if (saveWarning) this.warnings.push(saveWarning);
    this.warnings.push(...this.analysisWarnings);
    onProgress?.({ step: 'statements', done: articleCount, total: articleCount, finished: true, detail: `${coverage.statements.length.toLocaleString('en-GB')} statements, ${coverage.people.length.toLocaleString('en-GB')} people` });
    onProgress?.({ step: 'index', done: 0, total: coverage.passages.length });
    const state = await openSearchState(coverage.passages, this.extras, { dir: this.cacheDir, name: this.cacheName, fingerprint: this.options.indexFingerprint });
    onProgress?.({ step: 'index', done: coverage.passages.length, total: coverage.passages.length, finished: true, detail: state.fromCache ? 'loaded from cache' : 'built' });
    if (state.warning) this.warnings.push(state.warning);
    this.fromCache = state.fromCache;
    this.index = liveIndex(makeBase(state, coverage.passages, documents), coverage.passages, documents);
    this.swap(coverage);
  }

  /** The snapshot to answer from now; replaced (never changed) by each update. */
  get current(): Snapshot {
    return this.snapshot;
  }

  private entryFor(path: string): FileEntry {
    const key = resolve(path);
    let entry = this.files.get(key);
    if (!entry) this.files.set(key, (entry = { articles: [], skipped: [], digest: '' }));
    return entry;
  }

  /** Everything derived from the files as they are now: articles in name order, statements, index documents. */
  /** The coverage's articles in the order the register is merged in: by file path, then within a file. */
  private articlesInOrder(): Article[] {
    return [...this.files.keys()].sort().flatMap((key) => this.files.get(key)!.articles);
  }

  private derive() {
    return this.deriveWith((articles) => {
      const { statements, people, warnings } = this.analyse(articles);
      this.analysisWarnings = warnings;
      return { statements, people };
    });
  }

  /**
   * As `derive`, but the register is the current snapshot's: statements of the changed articles are
   * left out until `queueMerge` runs; everything else (articles, passages, titles) is as now.
   */
  private deriveKeepingRegister(changedDocs: ReadonlySet<string>) {
    const { statements: before, people } = this.snapshot.coverage;
    return this.deriveWith(() => ({ statements: before.filter((s) => !changedDocs.has(s.doc)), people }));
  }

  /** The coverage and its index documents from the files read, with the register `registerOf` gives. */
  private deriveWith(registerOf: (articles: Article[]) => Pick<Coverage, 'statements' | 'people'>) {
    const keys = [...this.files.keys()].sort();
    const articles = this.articlesInOrder();
    const skipped = keys.flatMap((key) => this.files.get(key)!.skipped);
    const { statements, people } = registerOf(articles);
    const titles = new Map<string, string>();
    for (const article of articles) if (article.title) titles.set(article.doc, article.title);
    this.extras = { statements, people, titles };
    const passages = articles.flatMap((a) => a.paragraphs);
    const coverage: Coverage = { articles, passages, statements, people, skipped };
    // What indexDocuments gives, made per article and reused where unchanged (see articleDocuments).
    const speakers = speakersByArticle(speakerNames(statements, people));
    this.documents = articles.flatMap((article) => articleDocuments(article, speakers.get(article.doc), this.documentCache));
    return { coverage, documents: this.documents };
  }

  private mergeQueued = false;

  /** The register merged across the whole coverage after a searchable swap; one queued at a time. */
  private queueMerge(): void {
    if (this.mergeQueued) return;
    this.mergeQueued = true;
    const run = this.queue.then(() => {
      this.mergeQueued = false;
      if (this.closed) return;
      const { coverage, documents } = this.derive();
      this.index = liveIndex(this.index.base, coverage.passages, documents);
      this.swap(coverage);
    });
    this.queue = run.catch((error: unknown) => this.options.onEvent?.({ type: 'failed', error }));
  }

  private swap(coverage: Coverage): void {
    const version = (this.snapshot?.version ?? -1) + 1;
    // /add (commands/add.ts) saves a page into the folder, then asks for the snapshot that has it.
    const onArticleAdded = (path: string) => this.update([path]).then(() => this.current);
    const snapshot: Snapshot = librarySnapshot(coverage, this.index.table, this.index, { version, onArticleAdded });
    this.snapshot = snapshot;
  }

  /**
   * Re-reads these paths (article files added, changed or removed, or sidecars beside them) and swaps
   * in the snapshot that follows. Resolves once the new snapshot answers. Queued behind earlier updates.
   */
  update(paths: readonly string[]): Promise<void> {
    const run = this.queue.then(() => this.apply(paths));
    this.queue = run.catch((error: unknown) => this.options.onEvent?.({ type: 'failed', error }));
    return run;
  }

  /** The seam for anything that writes into the coverage folder itself (e.g. `/add`): same as `update`. */
  refresh(paths: readonly string[]): Promise<void> {
    return this.update(paths);
  }

  /** Follows the coverage folder: every batch of changed files becomes one `update`. */
  async watch(options: Omit<WatchOptions, 'dir' | 'onBatch'> = {}): Promise<void> {
    if (this.watcher || this.closed) return;
    this.watcher = await watchCoverage({
      onError: (error) => this.options.onEvent?.({ type: 'failed', error }),
      ...options,
      dir: this.options.seedsDir,
      onBatch: (paths) => this.update(paths),
    });
  }

  /** Resolves when every update queued so far has been applied (and any compaction they started). */
  async settled(): Promise<void> {
    await this.queue;
  }

  private async apply(paths: readonly string[]): Promise<void> {
    if (this.closed) return;
    const started = performance.now();
    const targets = new Set<string>();
    for (const path of paths) {
      const key = resolve(path);
      const name = basename(key);
      if (isArticleFile(name)) targets.add(key);
      else if (isSidecarFile(name)) {
        // A sidecar changes the metadata of the article files with its name (any format).
        const stem = key.slice(0, -extname(key).length);
        for (const known of this.files.keys()) if (known !== key && known.slice(0, -extname(known).length) === stem) targets.add(known);
      }
    }
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    const skipped: string[] = [];
    const changedDocs = new Set<string>();
    for (const key of [...targets].sort()) {
      const before = this.files.get(key);
      const exists = await stat(key).then((s) => s.isFile(), () => false);
      if (!exists) {
        if (before) {
          this.files.delete(key);
          removed.push(key);
          for (const a of before.articles) changedDocs.add(a.doc);
        }
        continue;
      }
      // As the start-up load names it (folder + file name), so citations and paths look the same;
      // with its same-name siblings (a.txt beside a.html), which decide whose id is the bare name.
      const stem = key.slice(0, key.length - extname(key).length);
      const siblings = [...this.files.keys()].filter((k) => k !== key && k.slice(0, k.length - extname(k).length) === stem);
      const group = [key, ...siblings].map((k) => this.pathInFolder(k));
      const all = await loadArticles(group, { defaultSource: this.options.defaultSource });
      const loaded = {
        articles: all.articles.filter((a) => resolve(a.path) === key),
        skipped: all.skipped.filter((s) => resolve(s.path) === key),
        warnings: all.warnings,
      };
      const entry: FileEntry = { articles: loaded.articles, skipped: loaded.skipped, digest: '' };
      entry.digest = digestOf(entry);
      for (const message of loaded.warnings) this.options.onEvent?.({ type: 'warning', message });
      if (before?.digest === entry.digest) continue; // touched, not changed
      this.files.set(key, entry);
      (before ? changed : added).push(key);
      if (entry.skipped.length) skipped.push(...entry.skipped.map((s) => `${s.path}: ${s.reason}`));
      for (const a of [...(before?.articles ?? []), ...entry.articles]) changedDocs.add(a.doc);
    }
    if (added.length + changed.length + removed.length === 0) return;

    const later = this.files.size >= (this.options.mergeLaterFrom ?? 5000);
    const { coverage, documents } = later ? this.deriveKeepingRegister(changedDocs) : this.derive();
    if (later) this.queueMerge();
    const touched = coverage.passages.filter((p) => changedDocs.has(p.doc)).length;
    if (touched + this.index.liveCount > this.compactAbove) {
      // A big batch: a new base straight away costs less than a big live segment and then a compaction.
      await this.rebuild(coverage, documents);
    } else {
      this.index = liveIndex(this.index.base, coverage.passages, documents);
      this.swap(coverage);
    }
    this.options.onEvent?.({
      type: 'updated',
      added,
      changed,
      removed,
      skipped,
      liveParagraphs: this.index.liveCount,
      retiredParagraphs: this.index.retiredCount,
      ms: Math.round(performance.now() - started),
    });
    this.scheduleCompaction();
  }

  /** `key` (absolute) as a path under the configured folder, the way the start-up load writes paths. */
  private pathInFolder(key: string): string {
    return resolve(this.options.seedsDir) === dirname(key) ? join(this.options.seedsDir, basename(key)) : key;
  }

  private scheduleCompaction(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    const pending = this.index.liveCount + this.index.retiredCount;
    if (pending === 0) return;
    if (pending > this.compactAbove) {
      void this.compact();
      return;
    }
    this.compactTimer = setTimeout(() => void this.compact(), this.options.compactAfterMs ?? 10_000);
    this.compactTimer.unref();
  }

  private get compactAbove(): number {
    return this.options.compactAbove ?? Math.max(2000, Math.round(this.index.base.passages.length * 0.05));
  }

  /** A new base over `coverage` (through the cache file, tmp + rename), nothing live; swapped in. */
  private async rebuild(coverage: Coverage, documents: IndexedDocument[]): Promise<void> {
    const started = performance.now();
    const state = await openSearchState(coverage.passages, this.extras, { dir: this.cacheDir, name: this.cacheName, fingerprint: this.options.indexFingerprint });
    this.index = liveIndex(makeBase(state, coverage.passages, documents), coverage.passages, documents);
    this.swap(coverage);
    this.options.onEvent?.({ type: 'compacted', paragraphs: coverage.passages.length, fromCache: state.fromCache, ms: Math.round(performance.now() - started), warning: state.warning });
  }

  /**
   * Builds a new base over the whole current coverage (through the cache: written tmp + rename), then
   * swaps in a snapshot whose live segment is empty. Queued like an update, so it never races one.
   */
  compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    const run = this.queue.then(async () => {
      if (this.closed || this.index.liveCount + this.index.retiredCount === 0) return;
      const { coverage } = this.current;
      await this.rebuild(coverage, this.documents);
    });
    this.queue = run.catch((error: unknown) => this.options.onEvent?.({ type: 'failed', error }));
    return run;
  }

  /** Paragraphs in the live segment and retired from the base (0 and 0 right after start or compaction). */
  get pending(): { live: number; retired: number } {
    return { live: this.index.liveCount, retired: this.index.retiredCount };
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.closed = true;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await this.queue;
  }
}

function digestOf(entry: Pick<FileEntry, 'articles' | 'skipped'>): string {
  return createHash('sha256').update(JSON.stringify([entry.articles, entry.skipped.map((s) => s.reason)])).digest('hex');
}
