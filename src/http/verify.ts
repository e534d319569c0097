// Discord signs every HTTP interaction with the application's Ed25519 key: the signature covers the
// timestamp header followed by the raw body. Checked with Node's own crypto; no package needed.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

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

/**
 * Signatures seen within the allowed skew, so that a captured request sent again is refused. Per
 * process: a replay sent to another replica is caught there only if it also saw the original, but
 * then the interaction token has been used and Discord refuses a second answer anyway.
 */
export class SeenSignatures {
  private readonly seen = new Map<string, number>();

  /** True if `signature` was seen before; remembers it until its timestamp leaves the window. */
  check(signature: string, timestampS: number, nowS: number): boolean {
    for (const [sig, at] of this.seen) {
      if (at >= nowS - MAX_CLOCK_SKEW_S) break; // insertion order ≈ time order
      this.seen.delete(sig);
    }
    if (this.seen.has(signature)) return true;
    this.seen.set(signature, timestampS);
    return false;
  }
}

export function verifyInteraction(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  seen: SeenSignatures | null,
  nowMs = Date.now(),
): Verdict {
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-f]{128}$/iu.test(signature) || !/^\d{1,12}$/u.test(timestamp)) return 'bad-signature';
  const ok = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  if (!ok) return 'bad-signature';
  // Only a signed timestamp counts: checked after the signature, so it cannot be forged.
  const nowS = Math.floor(nowMs / 1000);
  const at = Number(timestamp);
  if (Math.abs(nowS - at) > MAX_CLOCK_SKEW_S) return 'stale';
  if (seen?.check(signature.toLowerCase(), at, nowS)) return 'replayed';
  return 'ok';
}
