// Fetches one web page for /add, refusing what a bot must never fetch for a user: anything but
// http(s), any host that resolves to a non-public address (checked on every resolved address at
// connect time, so a DNS answer cannot change between check and connection, and again at every
// redirect), bodies over the size limit, and anything slower than the time limit.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent, fetch } from 'undici';
import { blockedRange, isIpLiteral } from './addressPolicy.js';
import type { FetchRefusal } from '../types.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Allow private and loopback addresses (ADD_ALLOW_PRIVATE, for tests against a local server). */
  allowPrivate?: boolean;
  /** Why an address is refused, or null; default `blockedRange`. Tests use it to name a "public" loopback server. */
  blocked?: (address: string) => string | null;
  /** `dns.lookup` stand-in (tests map made-up names to addresses); default the system resolver. */
  lookup?: typeof dnsLookup;
}

// Declared with the shared types, so render can word each refusal without importing the network layer.
export type { FetchRefusal } from '../types.js';

export type FetchResult =
  | { ok: true; url: string; status: number; contentType: string; bytes: Buffer }
  | { ok: false; refusal: FetchRefusal; message: string };

class BlockedAddress extends Error {
  constructor(readonly host: string, readonly address: string, readonly why: string) {
    super(`${host} resolves to ${why} (${address})`);
  }
}

const refuse = (refusal: FetchRefusal, message: string): FetchResult => ({ ok: false, refusal, message });

export function parseHttpUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export async function fetchPage(link: string, options: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const blocked = options.allowPrivate ? () => null : (options.blocked ?? blockedRange);
  const resolve = options.lookup ?? dnsLookup;

  // Every connection goes through this lookup: all addresses checked before the socket opens.
  const checkedLookup = (hostname: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolve(hostname, { all: true, verbatim: true }, (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      for (const a of addresses) {
        const why = blocked(a.address);
        if (why) return callback(new BlockedAddress(hostname, a.address, why));
      }
      if (opts.all) callback(null, addresses);
      else callback(null, addresses[0]?.address, addresses[0]?.family);
    });
  };
  const agent = new Agent({ connect: { lookup: checkedLookup as never }, keepAliveTimeout: 1 });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let url = parseHttpUrl(link);
    if (!url) return refuse('not-http', 'only http and https links can be added');
    for (let hop = 0; ; hop++) {
      if (isIpLiteral(url.hostname)) {
        const why = blocked(url.hostname.replace(/^\[|\]$/gu, ''));
        if (why) return refuse('blocked-address', `${url.hostname} is ${why}`);
      }
      const response = await fetch(url, {
        dispatcher: agent,
        redirect: 'manual',
        signal,
        headers: { 'user-agent': 'coverage-bot (/add)', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) return refuse('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`);
        const next = parseHttpUrl(new URL(response.headers.get('location')!, url).href);
        if (!next) return refuse('not-http', 'the link redirects to something other than an http(s) page');
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return refuse('http-status', `the site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (contentType && !/^(text\/html|application\/xhtml\+xml)\b/iu.test(contentType)) {
        await response.body?.cancel();
        return refuse('not-html', `the link is not a web page (${contentType.split(';')[0]})`);
      }
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (length > maxBytes) {
        await response.body?.cancel();
        return refuse('too-large', `the page is over ${formatMb(maxBytes)}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await response.body?.cancel().catch(() => {});
          return refuse('too-large', `the page is over ${formatMb(maxBytes)}`);
        }
        chunks.push(Buffer.from(chunk));
      }
      return { ok: true, url: url.href, status: response.status, contentType, bytes: Buffer.concat(chunks) };
    }
  } catch (error) {
    const blockedError = findCause(error, BlockedAddress);
    if (blockedError) return refuse('blocked-address', blockedError.message);
    if (signal.aborted) return refuse('timeout', `the site did not answer within ${timeoutMs / 1000} s`);
    const cause = findCause(error, Error);
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    return refuse('unreachable', code === 'ENOTFOUND' ? 'no such host' : `could not reach the site${code ? ` (${code})` : ''}`);
  } finally {
    await agent.close().catch(() => {});
  }
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The innermost error of a type in an error's `cause` chain (undici wraps connect errors). */
function findCause<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | null {
  let found: T | null = null;
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) if (e instanceof type) found = e;
  return found;
}
