// How the bot runs, from the environment, checked once at start like the rest of the config:
// gateway (one connection, or SHARDS) or HTTP interactions (PORT, WORKERS). Pure: one line on error.
import { availableParallelism } from 'node:os';
import type { KeyObject } from 'node:crypto';
import { publicKeyFromHex } from '../http/verify.js';

export interface Deployment {
  /** `gateway` (default): a WebSocket to Discord. `http`: Discord POSTs interactions to PORT. */
  interactions: 'gateway' | 'http';
  /** HTTP mode: the application's public key (DISCORD_PUBLIC_KEY, hex). */
  publicKey: KeyObject | null;
  /** HTTP mode: the port to listen on (default 8080; 0 picks a free one). */
  port: number;
  /** HTTP mode: the address to listen on (default all interfaces). */
  host: string;
  /** HTTP mode: worker processes sharing the port through node:cluster (default 1: no cluster). */
  workers: number;
  /** Gateway mode: null = one process; 'auto' = as many as Discord recommends; N = N shards. */
  shards: 'auto' | number | null;
}

export type DeploymentResult = { ok: true; deployment: Deployment } | { ok: false; error: string };

function count(name: string, raw: string | undefined, max: number): number | string | null {
  const v = raw?.trim();
  if (!v) return null;
  if (!/^\d+$/u.test(v) || Number(v) < 1 || Number(v) > max) return `${name} must be a whole number from 1 to ${max} (got "${raw}").`;
  return Number(v);
}

export function parseDeployment(env: Record<string, string | undefined>): DeploymentResult {
  const fail = (error: string): DeploymentResult => ({ ok: false, error });
  const mode = (env.INTERACTIONS?.trim() || 'gateway').toLowerCase();
  if (mode !== 'gateway' && mode !== 'http') return fail(`INTERACTIONS must be gateway or http (got "${env.INTERACTIONS}").`);

  let publicKey: KeyObject | null = null;
  const hex = env.DISCORD_PUBLIC_KEY?.trim();
  if (mode === 'http') {
    if (!hex) return fail('INTERACTIONS=http needs DISCORD_PUBLIC_KEY: the public key from the Developer Portal (General Information), 64 hex digits.');
    publicKey = publicKeyFromHex(hex);
    if (!publicKey) return fail(`DISCORD_PUBLIC_KEY must be 64 hex digits, as the Developer Portal shows it (got ${hex.length} characters).`);
    // An HTTP interaction carries the member's role ids but not their names, so ADD_ROLE could never
    // match: say so at start rather than refuse every member of the role at /add.
    if (env.ADD_ROLE?.trim()) {
      return fail('ADD_ROLE works in gateway mode only (HTTP interactions carry no role names); unset it, or give the members Manage Server.');
    }
  }

  const rawPort = env.PORT?.trim() || '8080';
  if (!/^\d+$/u.test(rawPort) || Number(rawPort) > 65535) return fail(`PORT must be a port number from 0 to 65535 (got "${env.PORT}").`);

  const workers = count('WORKERS', env.WORKERS, Math.max(64, availableParallelism() * 4));
  if (typeof workers === 'string') return fail(workers);
  if (workers !== null && workers > 1 && mode !== 'http') return fail('WORKERS is for INTERACTIONS=http; in gateway mode use SHARDS.');

  let shards: Deployment['shards'] = null;
  const rawShards = env.SHARDS?.trim().toLowerCase();
  // discord.js's ShardingManager sets SHARDS in each shard's own environment: a JSON list of ids.
  if (rawShards && !env.SHARD_COUNT) {
    if (rawShards === 'auto') shards = 'auto';
    else {
      const n = count('SHARDS', rawShards, 4096);
      if (typeof n === 'string') return fail(`SHARDS must be auto or a whole number from 1 to 4096 (got "${env.SHARDS}").`);
      shards = n;
    }
    if (mode === 'http') return fail('SHARDS is for the gateway; with INTERACTIONS=http scale with WORKERS and replicas instead.');
  }

  return {
    ok: true,
    deployment: { interactions: mode, publicKey, port: Number(rawPort), host: env.HOST?.trim() || '0.0.0.0', workers: workers ?? 1, shards },
  };
}
