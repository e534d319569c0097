import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, isAbsolute } from 'node:path';
import type { Article } from '../types.js';
import { decodeLines, decodeText } from './formats/decodeText.js';
import { FORMATS, readsOffThread, type FormatResult } from './formats/index.js';
import { warmUpReading } from './formats/parsePool.js';
import { isRealDate } from './parseDateLine.js';
import type { Sidecar } from './parseArticle.js';
import { applyCoverageDefaults } from './coverageDefaults.js';
import type { OnProgress } from './progress.js';
import { READER_FINGERPRINT, type ReadCache } from './readCache.js';
import { createHash } from 'node:crypto';

export interface LoadOptions {
  /** Source for articles that name none and whose folder has no `coverage.json` source. */
  defaultSource?: string | null;
  /** Called after each file is read. */
  onProgress?: OnProgress;
  /** Time budget of one HTML, Markdown or feed file's parse (default READ_TIMEOUT_MS, formats/readBudget.ts). */
  readTimeoutMs?: number;
  /** What files read as at an earlier start: an unchanged file is not opened, a touched one not parsed again. */
  readCache?: ReadCache;
}

export interface LoadedArticles {
  articles: Article[];
  /** Files not loaded, each with the reason; the rest still load. */
  skipped: { path: string; reason: string }[];
  /** Things worth telling the operator that did not stop a file loading. */
  warnings: string[];
}

/** Whether the loader reads this file name as coverage (`.txt`, `.md`, `.html`, feeds, `.jsonl`). */
export function isArticleFile(name: string): boolean {
  return FORMATS.has(extname(name).toLowerCase());
}

/**
 * Loads every article in the given files and folders (folders are read one level deep, in name
 * order, so paragraph numbers and ids are stable), each file through the reader for its extension
 * (src/corpus/formats). A file that is empty, binary, not readable text or not its format is
 * skipped with a reason naming it.
 *
 * Ids: a file's name without its extension; where two files share that stem (`a.txt`, `a.html`),
 * the `.txt` keeps it and the others use their full name. Several articles in one file (feed items,
 * `.jsonl` lines) are `<id>#<slug>`, the slug from the item's link or title (see formats/slug.ts).
 */
export async function loadArticles(paths: string | string[], options: LoadOptions = {}): Promise<LoadedArticles> {
  const result: LoadedArticles = { articles: [], skipped: [], warnings: [] };
  const listed = new Set<string>();
  const files = await listArticleFiles([paths].flat(), result, listed);
  const ids = fileIds(files);
  if (files.some((file) => readsOffThread(extname(file).toLowerCase()))) warmUpReading();
  // Files are read in order; those parsed in the worker (HTML, Markdown, feeds) are handed over as
  // they come, up to IN_FLIGHT ahead, and their articles taken in file order, so ids and paragraph
  // numbers do not depend on which parse finished first.
  const inFlight: Promise<FileRead>[] = [];
  let done = 0;
  const take = async () => {
    const read = await inFlight.shift()!;
    options.onProgress?.({ step: 'articles', done: ++done, total: files.length });
    addRead(read, result);
  };
  for (const [n, file] of files.entries()) {
    // Small files read synchronously: a promise per open, read and close made a warm start of 2,000
    // files wait seconds on the thread pool. The event loop gets a turn every few dozen files.
    if (n % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    inFlight.push(readCached(file, ids.get(file)!, listed, options));
    if (inFlight.length >= IN_FLIGHT) await take();
  }
  while (inFlight.length > 0) await take();
  options.readCache?.save(new Set(files));
  await applyCoverageDefaults(result.articles, { source: options.defaultSource }, result.warnings);
  options.onProgress?.({ step: 'articles', done: files.length, total: files.length, finished: true });
  return result;
}

/** One file's outcome: what its reader gave (none when skipped before parsing), and what reading it noted. */
type FileRead = { file: string; read: FormatResult | null; noted: LoadedArticles };

/**
 * One file, from the read cache when its listing (size, time, id, sidecar) is as before, or when it
 * was touched but its bytes hash as before; else through its reader, and the row renewed. Only
 * regular files are cached: a link is read each time, so its checks (readRegularFile) always run.
 */
async function readCached(file: string, doc: string, listed: Set<string>, options: LoadOptions): Promise<FileRead> {
  const cache = options.readCache;
  const listing = cache ? stampOf(file, doc, listed) : null;
  if (!cache || listing === null) return readFile(file, doc, listed, options);
  const { stamp, parsedWith } = listing;
  const row = cache.get(file);
  if (row?.stamp === stamp) {
    const cached = fromRow(file, row);
    if (cached) return cached;
  }
  let digest = '';
  const read = await readFile(file, doc, listed, options, (bytes) => {
    // The bytes with what else the parse depends on (the reader's code, the id, the sidecar): a touched
    // file keeps its parse, a file read by another reader or beside another sidecar is parsed again.
    digest = createHash('sha256').update(parsedWith).update('\u0000').update(bytes).digest('hex');
    return row?.digest === digest ? fromRow(file, row) : null;
  });
  if (digest) cache.set(file, { stamp, digest, body: Buffer.from(JSON.stringify({ read: read.read, noted: read.noted })) });
  return read;
}

/**
 * The listing of a regular file and its sidecar, with the reader's fingerprint (`stamp`), and the part of
 * it a parse depends on (`parsedWith`: all but the file's own time and inode); null for anything else.
 */
function stampOf(file: string, doc: string, listed: Set<string>): { stamp: string; parsedWith: string } | null {
  try {
    const stats = lstatSync(file);
    if (!stats.isFile()) return null;
    const sidecarFile = file.slice(0, file.length - extname(file).length) + '.json';
    let sidecar = 'none';
    if (!listed.has(file) || listed.has(sidecarFile)) {
      const side = lstatSync(sidecarFile, { throwIfNoEntry: false });
      if (side && !side.isFile()) return null;
      if (side) sidecar = `${side.size}:${side.mtimeMs}`;
    }
    return { stamp: `${READER_FINGERPRINT}:${doc}:${stats.size}:${stats.mtimeMs}:${stats.ino}:${sidecar}`, parsedWith: `${READER_FINGERPRINT}\u0000${doc}\u0000${sidecar}` };
  } catch {
    return null;
  }
}

/** A cached row back into what the reader gave; null when it is not ours (read again). */
function fromRow(file: string, row: { body: Uint8Array }): FileRead | null {
  try {
    const { read, noted } = JSON.parse(Buffer.from(row.body).toString('utf8')) as Omit<FileRead, 'file'>;
    return noted && Array.isArray(noted.skipped) ? { file, read, noted } : null;
  } catch {
    return null;
  }
}

/** One file through its reader. What it notes is kept apart, to join the result in file order. */
async function readFile(file: string, doc: string, listed: Set<string>, options: LoadOptions, reuse?: (bytes: Buffer) => FileRead | null): Promise<FileRead> {
  const noted: LoadedArticles = { articles: [], skipped: [], warnings: [] };
  let reused: FileRead | null = null;
  const text = readText(file, noted, (bytes) => (reused = reuse?.(bytes) ?? null) !== null);
  if (reused) return reused;
  const sidecarFile = file.slice(0, file.length - extname(file).length) + '.json';
  // A folder's listing says whether a sidecar exists: no failed open per article.
  const hasSidecar = !listed.has(file) || listed.has(sidecarFile);
  const sidecar = text !== null && hasSidecar ? readSidecar(sidecarFile, noted) : {};
  if (text === null) return { file, read: null, noted };
  const ext = extname(file).toLowerCase();
  const reader = FORMATS.get(ext) ?? FORMATS.get('.txt')!; // a file named explicitly is read as text
  try {
    return { file, read: await reader({ doc, path: file, text, sidecar, budget: { timeoutMs: options.readTimeoutMs } }), noted };
  } catch (error) {
    // A parser bug on one odd file must not stop the rest of the coverage loading.
    return { file, read: { ok: false, reason: `could not be read as ${ext || 'text'} (${(error as Error).message})` }, noted };
  }
}

function addRead({ file, read, noted }: FileRead, result: LoadedArticles): void {
  result.skipped.push(...noted.skipped);
  result.warnings.push(...noted.warnings);
  if (!read) return;
  if (!read.ok) {
    result.skipped.push({ path: file, reason: read.reason });
    return;
  }
  result.warnings.push(...read.warnings);
  const withText = read.articles.filter((article) => article.paragraphs.length > 0);
  if (withText.length === 0) {
    result.skipped.push({ path: file, reason: 'no body text after cleaning' });
    return;
  }
  if (withText.length < read.articles.length) result.warnings.push(`${file}: ${read.articles.length - withText.length} item(s) with no body text left out`);
  for (const article of withText) result.articles.push(article); // not push(...): overflows the stack past ~100,000 articles
}

function fileIds(files: string[]): Map<string, string> {
  const stem = (file: string) => basename(file, extname(file));
  const byStem = new Map<string, string[]>();
  for (const file of files) byStem.set(stem(file), [...(byStem.get(stem(file)) ?? []), file]);
  const ids = new Map<string, string>();
  for (const [name, group] of byStem) {
    const owner = group.length === 1 ? group[0] : (group.find((f) => extname(f).toLowerCase() === '.txt') ?? group[0]);
    for (const file of group) ids.set(file, file === owner ? name : basename(file));
  }
  return ids;
}

/** Files read between turns of the event loop (so progress and timers run during a long load). */
const YIELD_EVERY = 64;
/** Files read ahead of the one whose parse is awaited (bounds the texts held while the worker is busy). */
const IN_FLIGHT = 32;

async function listArticleFiles(paths: string[], result: LoadedArticles, listed: Set<string>): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const all = await readdir(path);
        for (const name of all) listed.add(join(path, name));
        const names = all.filter(isArticleFile).sort();
        for (const name of names) files.push(join(path, name)); // not push(...): a 200,000-file folder overflows the stack
      } else files.push(path);
    } catch (error) {
      result.skipped.push({ path, reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? error})` });
    }
  }
  return files;
}

type ReadBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string; code?: string };

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * The bytes of `file` when it is a regular file inside its folder. A FIFO would block the read
 * forever, a device such as /dev/zero never ends, and a link out of the folder would publish a
 * file nobody put in the coverage: each is refused with its reason. A link to a regular file in
 * the same folder is read.
 */
function readRegularFile(file: string): ReadBytes {
  let target: string;
  try {
    const entry = lstatSync(file);
    const linked = entry.isSymbolicLink();
    target = linked ? realpathSync(file) : file;
    const stats = linked ? statSync(target) : entry;
    if (!stats.isFile()) return { ok: false, reason: `${linked ? 'a link to ' : ''}${kindOf(stats)}, not a regular file` };
    if (linked) {
      const folder = realpathSync(dirname(file));
      const inFolder = relative(folder, target);
      if (!inFolder || inFolder.startsWith('..') || isAbsolute(inFolder)) return { ok: false, reason: 'a link to a file outside the coverage folder' };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read (${code ?? error})`, code };
  }
  let fd: number;
  try {
    // Non-blocking and not following links: a file swapped for a FIFO or a link since the check
    // above opens at once (or fails) instead of hanging, and is refused by the fstat below.
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read (${code ?? error})`, code };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `${kindOf(stats)}, not a regular file` };
    return { ok: true, bytes: readFileSync(fd) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read (${code ?? error})`, code };
  } finally {
    closeSync(fd);
  }
}

/** The file's text; null when skipped, or when `known(bytes)` says these bytes were read before. */
function readText(file: string, result: LoadedArticles, known?: (bytes: Buffer) => boolean): string | null {
  const skip = (reason: string) => (result.skipped.push({ path: file, reason }), null);
  const read = readRegularFile(file);
  if (!read.ok) return skip(read.reason);
  const bytes = read.bytes;
  if (known?.(bytes)) return null;
  if (bytes.length === 0) return skip('empty file');
  if (extname(file).toLowerCase() === '.jsonl') {
    // One record a line: a damaged line costs that line alone (the reader warns for bad JSON too).
    const decoded = decodeLines(bytes);
    for (const bad of decoded.bad) result.warnings.push(`${file}:${bad.line}: not readable text (${bad.reason}); line skipped`);
    if (decoded.text.trim()) return decoded.text;
    return skip(decoded.bad.length > 0 ? 'no readable line' : 'empty file (only white space)');
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return skip(decoded.reason);
  if (decoded.replaced > 0) result.warnings.push(`${file}: ${decoded.replaced} stray control character(s) replaced with U+FFFD`);
  return decoded.text.trim() ? decoded.text : skip('empty file (only white space)');
}

function readSidecar(file: string, result: LoadedArticles): Sidecar {
  const read = readRegularFile(file);
  if (!read.ok) {
    // No sidecar is the usual case; one that is a FIFO, a device or a link out is worth a word.
    if (read.code !== 'ENOENT' && read.code !== 'ENOTDIR') result.warnings.push(`${file}: ignored (${read.reason})`);
    return {};
  }
  const raw = read.bytes.toString('utf8');
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
    const sidecar: Sidecar = {};
    for (const key of ['title', 'url', 'source', 'publishedOn'] as const) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) sidecar[key] = value.trim();
    }
    if (sidecar.publishedOn && !isRealDate(sidecar.publishedOn)) {
      result.warnings.push(`${file}: publishedOn "${sidecar.publishedOn}" is not a YYYY-MM-DD date; ignored`);
      delete sidecar.publishedOn;
    }
    return sidecar;
  } catch (error) {
    result.warnings.push(`${file}: ignored (${(error as Error).message})`);
    return {};
  }
}
