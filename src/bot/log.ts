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

export function scrub(text: string): string {
  return text.replace(TOKEN_SHAPE, '[Redacted]');
}

/**
 * Readable lines on a terminal, JSON (one object a line, for log collectors) where stderr is not a
 * terminal or LOG_FORMAT=json says so.
 */
export function resolveLogFormat(format: LogFormat, stderrIsTTY: boolean): 'json' | 'pretty' {
  if (format === 'auto') return stderrIsTTY ? 'pretty' : 'json';
  return format;
}

/** pino-pretty, synchronous on stderr so a line is out before the process can exit. */
function prettyStderr(): DestinationStream {
  return pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' });
}

export function createLogger(level: LogLevel = 'info', destination?: DestinationStream, format: LogFormat = 'json'): Logger {
  const options = {
    level,
    base: { app: 'coverage-bot' },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      // Error messages and stacks can quote a request (and so a token); scrub them too.
      err(error: Error) {
        const out = pino.stdSerializers.err(error);
        out.message = scrub(out.message);
        if (out.stack) out.stack = scrub(out.stack);
        return out;
      },
    },
    hooks: {
      // A token pasted into an error message would slip past path-based redaction.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)));
      },
    },
  };
  if (destination) return pino(options, destination);
  return pino(options, resolveLogFormat(format, Boolean(process.stderr.isTTY)) === 'pretty' ? prettyStderr() : pino.destination(2));
}
