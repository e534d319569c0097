// parseDeployment: how the bot runs (gateway, shards, HTTP, workers), one clear line per mistake.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../src/bot/deployment.js';

const KEY = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

function error(env: Record<string, string>): string {
  const result = parseDeployment(env);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseDeployment', () => {
  it('defaults to one gateway process', () => {
    expect(parseDeployment({})).toEqual({ ok: true, deployment: { interactions: 'gateway', publicKey: null, port: 8080, host: '0.0.0.0', workers: 1, shards: null } });
  });

  it('reads HTTP mode with its key, port and workers, and gateway shards', () => {
    const http = parseDeployment({ INTERACTIONS: 'HTTP', DISCORD_PUBLIC_KEY: KEY.toUpperCase(), PORT: '3000', WORKERS: '2' });
    expect(http.ok && http.deployment).toMatchObject({ interactions: 'http', port: 3000, workers: 2, shards: null });
    expect(http.ok && http.deployment.publicKey?.asymmetricKeyType).toBe('ed25519');
    expect(parseDeployment({ SHARDS: 'auto' })).toMatchObject({ ok: true, deployment: { shards: 'auto' } });
    expect(parseDeployment({ SHARDS: '4' })).toMatchObject({ ok: true, deployment: { shards: 4 } });
    // Inside a shard process the manager's own SHARDS (a list of ids) is for discord.js, not for us.
    expect(parseDeployment({ SHARDS: '[1]', SHARD_COUNT: '2' })).toMatchObject({ ok: true, deployment: { shards: null } });
  });

  it('refuses ADD_ROLE in HTTP mode, whose payloads carry no role names, and keeps it in gateway mode', () => {
    expect(error({ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, ADD_ROLE: 'Editors' })).toMatch(/^ADD_ROLE works in gateway mode only/u);
    expect(parseDeployment({ ADD_ROLE: 'Editors' }).ok).toBe(true);
  });

  it.each([
    [{ INTERACTIONS: 'webhook' }, /INTERACTIONS must be gateway or http/u],
    [{ INTERACTIONS: 'http' }, /needs DISCORD_PUBLIC_KEY/u],
    [{ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: 'abc' }, /64 hex digits/u],
    [{ PORT: 'eighty' }, /PORT must be a port number/u],
    [{ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, WORKERS: '0' }, /WORKERS must be a whole number/u],
    [{ WORKERS: '2' }, /WORKERS is for INTERACTIONS=http/u],
    [{ SHARDS: 'many' }, /SHARDS must be auto or a whole number/u],
    [{ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, SHARDS: '2' }, /SHARDS is for the gateway/u],
  ])('refuses %j in one line', (env, pattern) => {
    const line = error(env);
    expect(line).toMatch(pattern);
    expect(line).not.toContain('\n');
  });
});
