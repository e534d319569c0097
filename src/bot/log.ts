// The bot's logger: pino, with anything token-shaped redacted so a token never reaches a log line.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config.js';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they occur in a record (headers from REST errors included). */
export const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'config.token',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
  '*.authorization',
];

/** Discord bot tokens look like three base64 chunks joined by dots; scrub them from messages too. */
const TOKEN_SHAPE = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/gu;
/**
 * An interaction's token is the third segment of its webhook and callback paths
 * (`/webhooks/<app id>/<token>/…`, `/interactions/<id>/<token>/callback`): it lets anyone answer
 * as the bot for 15 minutes, and discord.js puts the full URL on every REST error it throws.
 */
const INTERACTION_TOKEN_PATH = /\/(webhooks|interactions)\/(\d+|:id)\/[^/?#\s"'<>]+/gu;

/** `text` with every bot token and interaction token replaced by "[Redacted]". */
export function scrub(text: string): string {
  return text.replace(TOKEN_SHAPE, '[Redacted]').replace(INTERACTION_TOKEN_PATH, '/$1/$2/[Redacted]');
}

/**
 * Every string in a serialized error scrubbed: REST errors carry the request's `url` (and a
 * `cause` chain may quote it again), not only in the message and stack.
 */
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (!value || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = scrubDeep(v, depth + 1);
  return out;
}

/**
 * Readable lines on a terminal, JSON (one object a line, for log collectors) where stderr is not a
 * terminal or LOG_FORMAT=json says so.
 */
export function resolveLogFormat(format: LogFormat, stderrIsTTY: boolean): 'json' | 'pretty' {
  if (format === 'auto') return stderrIsTTY ? 'pretty' : 'json';
  return format;
}

/** pino-pretty, synchronous on stderr (so a line is out before the process can exit), or on `to`. */
function prettyStream(to?: DestinationStream): DestinationStream {
  const colorize = !to && Boolean(process.stderr.isTTY);
  return pretty({ destination: (to as NodeJS.WritableStream | undefined) ?? 2, sync: true, colorize, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' });
}

/**
 * The logger on stderr, or on `destination` (tests). `format` "auto" is pretty where stderr is a
 * terminal; with a destination only "pretty" is.
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream, format: LogFormat = 'json'): Logger {
  const options = {
    level,
    base: { app: 'coverage-bot' },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      // Error messages, stacks and REST errors' `url` quote the request (and so a token); scrub them all.
      err(error: Error) {
        return scrubDeep(pino.stdSerializers.err(error));
      },
    },
    hooks: {
      // A token pasted into an error message would slip past path-based redaction.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)));
      },
    },
  };
  const pretty = resolveLogFormat(format, destination ? false : Boolean(process.stderr.isTTY)) === 'pretty';
  if (destination) return pino(options, pretty ? prettyStream(destination) : destination);
  return pino(options, pretty ? prettyStream() : pino.destination(2));
}
