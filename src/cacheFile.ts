// Derived data on disk (the statements and index caches) is trusted only if its bytes are the ones
// written: a parse alone lets one changed byte through (a flipped digit in the index sent questions to
// "Sorry, something went wrong"; an edited statement was quoted to users). Each file starts with a line
// `sha256:<hex of the rest>`, checked before anything is parsed; a file that fails it is rebuilt.
// Written to a temporary name and renamed, so a reader never sees half a file.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const PREFIX = 'sha256:';
const HEADER = /^sha256:[0-9a-f]{64}$/u;

export type CacheRead =
  | { status: 'ok'; payload: string }
  /** No file (first start) or one written by other code (no checksum line): rebuild quietly. */
  | { status: 'absent' }
  /** The checksum does not match the bytes: changed after writing. Rebuild, say so once. */
  | { status: 'damaged'; reason: string };

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Reads a cache file and verifies its checksum; the payload only if it matches. */
export async function readCacheFile(file: string): Promise<CacheRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { status: 'absent' };
  }
  const newline = bytes.indexOf(0x0a);
  const header = newline < 0 ? '' : bytes.toString('latin1', 0, newline);
  if (!header.startsWith(PREFIX)) return { status: 'absent' };
  if (!HEADER.test(header)) return { status: 'damaged', reason: 'its checksum line is malformed' };
  const body = bytes.subarray(newline + 1);
  if (sha256(body) !== header.slice(PREFIX.length)) return { status: 'damaged', reason: 'its contents do not match their checksum' };
  return { status: 'ok', payload: body.toString('utf8') };
}

/** Writes `payload` under its checksum line, atomically (tmp + rename). Throws if the folder is not writable. */
export async function writeCacheFile(file: string, payload: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const body = Buffer.from(payload, 'utf8');
  const tmp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    await writeFile(tmp, Buffer.concat([Buffer.from(`${PREFIX}${sha256(body)}\n`, 'latin1'), body]));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => {});
    throw error;
  }
}

/** The one warning for a damaged cache file. */
export function damagedWarning(what: string, file: string, reason: string): string {
  return `${what} ${file} was changed after it was written (${reason}); rebuilt, not used`;
}

/**
 * Where caches go when the caller names no folder: `CACHE_DIR` (the bot's setting, honoured by the
 * command line too), else `.cache` in the working folder.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const set = env.CACHE_DIR?.trim();
  return resolve(set ? set : '.cache');
}
