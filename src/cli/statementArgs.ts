// Flags shared by `who`, `quotes` and `people`: --json and --seeds DIR (else COVERAGE_DIR or SEEDS_DIR, else seeds/).
import { parseArgs } from 'node:util';
import type { Statement } from '../types.js';
import { citationText } from '../answer/citation.js';
import { coverageDirSetting } from '../coverageSetting.js';

export interface StatementArgs {
  json: boolean;
  /** `quotes` only: per statement, the candidates for its speaker and what counted. */
  explain: boolean;
  seedsDir: string;
  positionals: string[];
  /** `who` only: narrow to statements about these words, and to a span of dates. */
  about?: string;
  since?: string;
  until?: string;
}

export function parseStatementArgs(argv: string[], env: NodeJS.ProcessEnv): StatementArgs | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        seeds: { type: 'string' },
        about: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
      },
    });
    const { about, since, until } = values;
    return { json: values.json ?? false, explain: values.explain ?? false, seedsDir: values.seeds ?? coverageDirSetting(env), positionals, about, since, until };
  } catch (error) {
    return { error: (error as Error).message.split(/\.\s|\n/u)[0] ?? 'bad arguments' };
  }
}

/** The article a statement comes from, as its citation needs it. */
export type ArticleRef = { title: string | null; url: string | null } | undefined;

/** A statement with exactly the keys of the command-line contract, in order (title, url: its article's). */
export function toJsonStatement(s: Statement, article?: ArticleRef): Statement & { title: string | null; url: string | null } {
  const { doc, paragraph, speaker, text, kind, saidOn, publishedOn, cue } = s;
  return { doc, paragraph, speaker, text, kind, saidOn, publishedOn, cue, title: article?.title ?? null, url: article?.url ?? null };
}

/** One line per statement for people reading: when, where, what. */
export function formatStatement(s: Statement): string {
  const when = s.saidOn ? `said ${s.saidOn}` : s.publishedOn ? `published ${s.publishedOn}` : 'undated';
  const text = s.kind === 'indirect' ? s.text : `“${s.text}”`;
  return `• ${text}\n  — ${s.speaker} (${s.kind}, ${when}; ${citationText(s.doc, s.paragraph)}; cue: ${s.cue})`;
}
