// `/coverage` as Discord pages: the overview (counts, dates, sources, newest articles), then more
// sources and, for moderators, the files skipped and why. Pure.
import type { APIEmbed } from 'discord-api-types/v10';
import type { CoverageSummary } from '../answer/coverageSummary.js';
import { citeLabel, safeUrl } from './cite.js';
import { formatDate, plural } from './format.js';
import { LIMITS } from './discordLimits.js';
import { safeText } from './safeText.js';
import { truncate } from './truncate.js';
import type { Page } from './discord.js';

const COLOUR = 0x2b6cb0;
const SOURCES_ON_FIRST_PAGE = 10;
const LINES_PER_PAGE = 15;

const n = (value: number) => value.toLocaleString('en-GB');

export interface CoverageRenderOptions {
  /** Moderators (Manage Server) see which files were skipped and why; others only how many. */
  showSkipped: boolean;
}

function sourceLine(s: { source: string | null; articles: number }): string {
  return `${s.source ? safeText(s.source) : '*no source given*'} — ${n(s.articles)}`;
}

function newestLine(a: CoverageSummary['newest'][number]): string {
  const label = truncate(safeText(citeLabel(a)), 150).replace(/[[\]]/gu, '\\$&');
  const url = safeUrl(a.url);
  const title = url ? `[${label}](${url.replace(/[()]/gu, encodeURIComponent)})` : label;
  return [title, a.source ? safeText(a.source) : null, formatDate(a.publishedOn)].filter(Boolean).join(' · ');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Lines joined, cut to whole lines within a field's limit. */
function fieldValue(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > LIMITS.fieldValue) break;
    out = next;
  }
  return out || truncate(lines[0] ?? '', LIMITS.fieldValue);
}

export function renderCoverage(summary: CoverageSummary, options: CoverageRenderOptions): Page[] {
  if (summary.articles === 0) {
    const skipped = summary.skipped.length ? ` ${plural(summary.skipped.length, 'file was', 'files were')} skipped.` : '';
    return [{ content: `The coverage is empty: no articles have been loaded yet.${skipped}`, embeds: [] }];
  }
  const count = (k: number, one: string) => `${n(k)} ${k === 1 ? one : `${one}s`}`;
  const undated = summary.articles - summary.dated;
  const lines = [
    `**${count(summary.articles, 'article')}**, ${count(summary.paragraphs, 'paragraph')}`,
    summary.dateRange
      ? `Published ${formatDate(summary.dateRange.from)} – ${formatDate(summary.dateRange.to)}${undated ? ` (${n(undated)} undated)` : ''}`
      : 'No article is dated',
  ];
  if (summary.skipped.length) {
    const which = options.showSkipped ? 'listed on the last pages' : 'moderators can see which';
    lines.push(`${count(summary.skipped.length, 'file')} skipped (${which})`);
  }
  const overview: APIEmbed = {
    color: COLOUR,
    title: 'What the bot covers',
    description: lines.join('\n'),
    fields: [{ name: `Sources (${n(summary.sources.length)})`, value: fieldValue(summary.sources.slice(0, SOURCES_ON_FIRST_PAGE).map(sourceLine)) }],
  };
  if (summary.newest.length) overview.fields!.push({ name: 'Newest', value: fieldValue(summary.newest.map(newestLine)) });
  // Articles that name no publisher: say how whoever runs the bot names one for the folder.
  const unsourced = summary.sources.find((s) => !s.source)?.articles ?? 0;
  if (unsourced > 0) {
    overview.footer = {
      text: `${count(unsourced, 'article')} name${unsourced === 1 ? 's' : ''} no source. Whoever runs the bot can name one with COVERAGE_SOURCE (e.g. COVERAGE_SOURCE="BBC News") or {"source": "BBC News"} in the folder's coverage.json.`,
    };
  }

  const embeds: APIEmbed[] = [overview];
  for (const page of chunks(summary.sources.slice(SOURCES_ON_FIRST_PAGE), LINES_PER_PAGE * 2)) {
    embeds.push({ color: COLOUR, title: 'More sources', description: truncate(page.map(sourceLine).join('\n'), LIMITS.embedDescription) });
  }
  if (options.showSkipped) {
    for (const page of chunks(summary.skipped, LINES_PER_PAGE)) {
      const text = page.map((s) => `${safeText(s.path)} — ${safeText(s.reason)}`).join('\n');
      embeds.push({ color: COLOUR, title: `Skipped files (${n(summary.skipped.length)})`, description: truncate(text, LIMITS.embedDescription) });
    }
  }
  return embeds.map((embed, i) => ({
    content: embeds.length > 1 ? `**Coverage** — page ${i + 1} of ${embeds.length}` : '**Coverage**',
    embeds: [embed],
  }));
}
