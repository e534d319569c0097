// parseConfig: defaults, and one clear line for every missing or malformed setting.
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, parseConfig } from '../../src/bot/config.js';

const APP = '123456789012345678';

function error(env: Record<string, string>): string {
  const result = parseConfig(env);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseConfig', () => {
  it('defaults to the sandbox (no token), Discord’s API, seeds/, info', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        token: null,
        appId: null,
        guildId: null,
        apiUrl: DEFAULT_API_URL,
        seedsDir: 'seeds',
        logLevel: 'info',
        registerCommandsOnStart: false,
        watch: true,
        cacheDir: '.cache',
        logFormat: 'auto',
        redisUrl: null,
        coverageSource: null,
        add: { role: null, allowPrivate: false, maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000 },
      },
    });
  });

  it('reads every setting', () => {
    const result = parseConfig({
      DISCORD_TOKEN: ' tok.en.x ',
      DISCORD_APP_ID: APP,
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      SEEDS_DIR: 'other',
      LOG_LEVEL: 'DEBUG',
      REGISTER_COMMANDS_ON_START: 'true',
      WATCH: 'off',
      CACHE_DIR: '/srv/shared-cache',
      LOG_FORMAT: 'JSON',
      COVERAGE_SOURCE: ' BBC News ',
      REDIS_URL: 'redis://:secret@cache.internal:6379/2',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        token: 'tok.en.x',
        appId: APP,
        guildId: '876543210987654321',
        apiUrl: 'http://127.0.0.1:4000/api',
        seedsDir: 'other',
        logLevel: 'debug',
        registerCommandsOnStart: true,
        watch: false,
        cacheDir: '/srv/shared-cache',
        logFormat: 'json',
        redisUrl: 'redis://:secret@cache.internal:6379/2',
        coverageSource: 'BBC News',
        add: { role: null, allowPrivate: false, maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000 },
      },
    });
  });

  it('reads the /add settings', () => {
    const result = parseConfig({ ADD_ROLE: ' Editors ', ADD_ALLOW_PRIVATE: 'true', ADD_MAX_MB: '0.5', ADD_TIMEOUT_S: '2.5' });
    expect(result.ok && result.config.add).toEqual({ role: 'Editors', allowPrivate: true, maxBytes: 524288, timeoutMs: 2500 });
    expect(error({ ADD_MAX_MB: 'lots' })).toMatch(/ADD_MAX_MB must be a positive number/u);
    expect(error({ ADD_TIMEOUT_S: '0' })).toMatch(/ADD_TIMEOUT_S must be a positive number/u);
    expect(error({ ADD_ALLOW_PRIVATE: 'maybe' })).toMatch(/ADD_ALLOW_PRIVATE must be true or false/u);
  });

  it.each([
    [{ DISCORD_TOKEN: 'abc' }, /DISCORD_APP_ID/u],
    [{ DISCORD_TOKEN: 'abc', DISCORD_APP_ID: 'my-app' }, /DISCORD_APP_ID must be a numeric snowflake: your application id, 15 to 21 digits/u],
    [{ DISCORD_GUILD_ID: 'guild' }, /DISCORD_GUILD_ID/u],
    [{ DISCORD_API_URL: 'not a url' }, /DISCORD_API_URL must be an http\(s\) URL/u],
    [{ DISCORD_API_URL: 'ftp://x/api' }, /DISCORD_API_URL/u],
    [{ DISCORD_API_URL: 'https://discord.com/api/v10' }, /must not end in a version/u],
    [{ LOG_FORMAT: 'xml' }, /LOG_FORMAT must be one of auto, json, pretty/u],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/u],
    [{ REGISTER_COMMANDS_ON_START: 'maybe' }, /REGISTER_COMMANDS_ON_START must be true or false/u],
    [{ WATCH: 'sometimes' }, /WATCH must be true or false/u],
    [{ DISCORD_TOKEN: 'two words', DISCORD_APP_ID: APP }, /DISCORD_TOKEN contains spaces/u],
  ])('refuses %j in one line', (env, pattern) => {
    const line = error(env);
    expect(line).toMatch(pattern);
    expect(line).not.toContain('\n');
  });

  it('never puts the token in an error line', () => {
    expect(error({ DISCORD_TOKEN: 'secret-token-value', LOG_LEVEL: 'nope', DISCORD_APP_ID: APP })).not.toContain('secret-token-value');
  });
});

describe('the coverage folder setting', () => {
  it('reads COVERAGE_DIR first, then its older name SEEDS_DIR, then seeds/', () => {
    const dir = (env: Record<string, string>) => {
      const result = parseConfig(env);
      return result.ok ? result.config.seedsDir : result.error;
    };
    expect(dir({ COVERAGE_DIR: 'archive', SEEDS_DIR: 'old' })).toBe('archive');
    expect(dir({ SEEDS_DIR: 'old' })).toBe('old');
    expect(dir({ COVERAGE_DIR: '  ' })).toBe('seeds');
  });
});
