// Discord signs every HTTP interaction with the application's Ed25519 key: the signature covers the
// timestamp header followed by the raw body. Checked with Node's own crypto; no package needed.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SharedState } from '../state/sharedState.js';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a request's timestamp may be from now, either way. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/** The public key as the developer portal shows it (64 hex digits), or null if it is not one. */
export function publicKeyFromHex(hex: string): KeyObject | null {
  if (!/^[0-9a-f]{64}$/iu.test(hex)) return null;
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export type Verdict = 'ok' | 'missing' | 'bad-signature' | 'stale' | 'replayed';

/** Verified: signed by Discord, within the clock skew (a replay is checked after, in shared state). */
export type SignatureVerdict = Exclude<Verdict, 'replayed'>;

/**
 * How long a signature is remembered to refuse its replay: a request older than the skew is refused
 * as stale anyway, so both sides of the window are enough.
 */
export const SEEN_FOR_MS = 2 * MAX_CLOCK_SKEW_S * 1000;

/**
 * Whether a verified request was seen before, by any worker or replica sharing `shared` (Redis, or
 * the store on one volume): the first sight of a signature claims it, every later one is a replay.
 */
export async function isReplay(shared: Pick<SharedState, 'firstSeen'>, signature: string): Promise<boolean> {
  return !(await shared.firstSeen(`sig:${signature.toLowerCase()}`, SEEN_FOR_MS));
}

export function verifyInteraction(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): SignatureVerdict {
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-f]{128}$/iu.test(signature) || !/^\d{1,12}$/u.test(timestamp)) return 'bad-signature';
  const ok = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  if (!ok) return 'bad-signature';
  // Only a signed timestamp counts: checked after the signature, so it cannot be forged.
  const nowS = Math.floor(nowMs / 1000);
  const at = Number(timestamp);
  if (Math.abs(nowS - at) > MAX_CLOCK_SKEW_S) return 'stale';
  return 'ok';
}
