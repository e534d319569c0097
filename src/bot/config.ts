// Settings from the environment (.env via dotenv), checked once at start. Pure: `parseConfig(env)`
// returns the config or one line telling the user exactly what to set.
import { coverageDirSetting } from '../coverageSetting.js';

/** pino's levels; anything else in LOG_LEVEL is a typo worth stopping for. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const DEFAULT_API_URL = 'https://discord.com/api';

export interface Config {
  /** null → no real Discord: run the local sandbox. */
  token: string | null;
  appId: string | null;
  guildId: string | null;
  /** REST base for discord.js (`rest.api`); the version path `/v10` is appended by discord.js. */
  apiUrl: string;
  seedsDir: string;
  logLevel: LogLevel;
  registerCommandsOnStart: boolean;
  /** Follow the coverage folder: new, changed and removed articles are answered from without a restart. */
  watch: boolean;
  /** Shared cache folder (index, long page-button queries); replicas and shards point at one. */
  cacheDir: string;
  /** `auto`: readable lines on a terminal, JSON otherwise. */
  logFormat: LogFormat;
  /**
   * REDIS_URL (redis://[:password@]host:port[/db]): page-button queries, answered signatures and /add's
   * rate limit live in Redis, shared by every replica and worker. null (default): in the embedded store
   * in CACHE_DIR, shared by the processes that see that folder. Never logged (it may hold a password).
   */
  redisUrl: string | null;
  /** Source for articles that name none (COVERAGE_SOURCE); a folder's coverage.json comes first. */
  coverageSource: string | null;
  /** /add: who may add besides members with Manage Server, the fetch limits, and the private-address switch. */
  add: AddConfig;
}

export interface AddConfig {
  /** A role name (ADD_ROLE) whose members may use /add; null: Manage Server only. */
  role: string | null;
  /** ADD_ALLOW_PRIVATE: fetch private, loopback and link-local addresses (for tests only). Default false. */
  allowPrivate: boolean;
  /** ADD_MAX_MB: largest page fetched, in bytes. Default 5 MB. */
  maxBytes: number;
  /** ADD_TIMEOUT_S: longest a fetch may take, in ms. Default 10 s. */
  timeoutMs: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

const SNOWFLAKE = /^\d{15,21}$/u;

function blank(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function flag(name: string, value: string | undefined): boolean | string {
  const v = blank(value)?.toLowerCase();
  if (v === null || v === undefined) return false;
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return `${name} must be true or false (got "${value}").`;
}

function positive(name: string, value: string | undefined, fallback: number): number | string {
  const v = blank(value);
  if (v === null) return fallback;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : `${name} must be a positive number (got "${value}").`;
}

/**
 * What was wrong with a value that should be an id, without quoting it: a bot token pasted into
 * the id setting is a common slip, and this line goes to the terminal and to logs.
 */
function described(value: string): string {
  return /^\d+$/u.test(value) ? `got ${value.length} digits` : 'got something other than digits; the value is not shown in case it is a token';
}

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const fail = (error: string): ConfigResult => ({ ok: false, error });
  const token = blank(env.DISCORD_TOKEN);
  const appId = blank(env.DISCORD_APP_ID);
  const guildId = blank(env.DISCORD_GUILD_ID);

  if (token && /\s/u.test(token)) return fail('DISCORD_TOKEN contains spaces: paste only the bot token from the Developer Portal (Bot → Reset Token).');
  if (token && !appId) return fail('DISCORD_TOKEN is set but DISCORD_APP_ID is not: set DISCORD_APP_ID to your application id (Developer Portal → General Information).');
  if (appId && !SNOWFLAKE.test(appId)) return fail(`DISCORD_APP_ID must be a numeric snowflake: your application id, 15 to 21 digits (${described(appId)}).`);
  if (guildId && !SNOWFLAKE.test(guildId)) return fail(`DISCORD_GUILD_ID must be a numeric snowflake: a Discord server id of 15 to 21 digits (${described(guildId)}), or left empty for global commands.`);

  const rawUrl = blank(env.DISCORD_API_URL) ?? DEFAULT_API_URL;
  let apiUrl: string;
  try {
    const url = new URL(rawUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    apiUrl = rawUrl.replace(/\/+$/u, '');
  } catch {
    return fail(`DISCORD_API_URL must be an http(s) URL such as ${DEFAULT_API_URL} (got "${rawUrl}").`);
  }
  if (/\/v\d+$/u.test(apiUrl)) return fail(`DISCORD_API_URL must not end in a version (discord.js adds /v10): use "${apiUrl.replace(/\/v\d+$/u, '')}".`);

  const logLevel = (blank(env.LOG_LEVEL) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) return fail(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}").`);

  const logFormat = (blank(env.LOG_FORMAT) ?? 'auto').toLowerCase();
  if (!(LOG_FORMATS as readonly string[]).includes(logFormat)) return fail(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got "${env.LOG_FORMAT}").`);

  const register = flag('REGISTER_COMMANDS_ON_START', env.REGISTER_COMMANDS_ON_START);
  if (typeof register === 'string') return fail(register);

  // On unless switched off: a bot should follow its coverage (WATCH=false to read it once at start).
  const watch = blank(env.WATCH) === null ? true : flag('WATCH', env.WATCH);
  if (typeof watch === 'string') return fail(watch);
  const allowPrivate = flag('ADD_ALLOW_PRIVATE', env.ADD_ALLOW_PRIVATE);
  if (typeof allowPrivate === 'string') return fail(allowPrivate);
  const maxMb = positive('ADD_MAX_MB', env.ADD_MAX_MB, 5);
  if (typeof maxMb === 'string') return fail(maxMb);
  const timeoutS = positive('ADD_TIMEOUT_S', env.ADD_TIMEOUT_S, 10);
  if (typeof timeoutS === 'string') return fail(timeoutS);

  return {
    ok: true,
    config: {
      token,
      appId,
      guildId,
      apiUrl,
      seedsDir: coverageDirSetting(env),
      logLevel: logLevel as LogLevel,
      registerCommandsOnStart: register,
      watch,
      cacheDir: blank(env.CACHE_DIR) ?? '.cache',
      logFormat: logFormat as LogFormat,
      redisUrl: blank(env.REDIS_URL),
      coverageSource: blank(env.COVERAGE_SOURCE),
      add: { role: blank(env.ADD_ROLE), allowPrivate, maxBytes: Math.round(maxMb * 1024 * 1024), timeoutMs: Math.round(timeoutS * 1000) },
    },
  };
}
