// Command-line flags for `ask`, parsed strictly: an unknown flag or a bad value is a usage error.
import { parseArgs } from 'node:util';
import { DEFAULT_LIMIT, type AskFilters } from '../answer/ask.js';
import { parseAskFilters } from '../answer/askFilters.js';
import { coverageDirSetting } from '../coverageSetting.js';

export const USAGE =
  'usage: npm run ask -- [--json] [--batch] [--limit N] [--seeds DIR] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--source NAME] "question"   (--batch reads one question a line from stdin)';

export interface AskArgs {
  json: boolean;
  batch: boolean;
  limit: number;
  seedsDir: string;
  /** The question (positionals joined), or null when none was given. */
  question: string | null;
  /** Publication dates (undated articles are then left out) and source; empty when not given. */
  filters: AskFilters;
}

const MAX_LIMIT = 100;

/** The parsed flags, or an error message (print USAGE, exit 2). */
export function parseAskArgs(argv: string[], env: NodeJS.ProcessEnv): AskArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        batch: { type: 'boolean', default: false },
        limit: { type: 'string' },
        seeds: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        source: { type: 'string' },
      },
    });
  } catch (error) {
    // Node's message goes on to explain `--`; the first sentence is the useful part.
    return { error: (error as Error).message.split(/\.\s|\n/u)[0] ?? 'bad arguments' };
  }
  const { values, positionals } = parsed;
  const limitText = values.limit ?? String(DEFAULT_LIMIT);
  const limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) return { error: `--limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const seedsDir = values.seeds ?? coverageDirSetting(env);
  if (!seedsDir) return { error: '--seeds needs a folder' };
  if (values.batch && positionals.length) return { error: '--batch reads questions from stdin, not arguments' };
  if (!values.batch && positionals.length === 0) return { error: 'no question given' };
  const filters = parseAskFilters(values);
  if ('error' in filters) return { error: `--${filters.error}` };
  return {
    json: values.json ?? false,
    batch: values.batch ?? false,
    limit,
    seedsDir,
    question: positionals.length ? positionals.join(' ') : null,
    filters,
  };
}
