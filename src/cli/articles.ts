// `npm run articles -- [--json] [DIR or FILE …]`: what the bot read from each file — title, date,
// source, URL, paragraphs and captions — for users checking their coverage and for checking readers.
// Reads like the bot (every format, sidecars, coverage.json, COVERAGE_SOURCE); no statements, no index.
import { loadArticles } from '../corpus/loadArticles.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';
import { coverageDirSetting } from '../coverageSetting.js';
import { runMain } from './runMain.js';

const USAGE = 'usage: npm run articles -- [--json] [DIR or FILE …] (default: COVERAGE_DIR, else seeds/)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('-') && a !== '--json');
  if (unknown) {
    process.stderr.write(`unknown option ${unknown} — ${USAGE}\n`);
    return 2;
  }
  const paths = args.filter((a) => !a.startsWith('-'));
  const loaded = await loadArticles(paths.length ? paths : coverageDirSetting(), { defaultSource: process.env.COVERAGE_SOURCE?.trim() || null });
  for (const s of loaded.skipped) process.stderr.write(`skipped ${s.path}: ${s.reason}\n`);
  for (const warning of summariseWarnings(loaded.warnings)) process.stderr.write(`warning: ${warning}\n`);
  const articles = loaded.articles.map((a) => ({
    doc: a.doc,
    path: a.path,
    title: a.title,
    publishedOn: a.publishedOn,
    source: a.source,
    url: a.url,
    paragraphs: a.paragraphs.map((p) => p.text),
    captions: a.captions.map((c) => ({ afterParagraph: c.afterParagraph, text: c.text, credit: c.credit })),
  }));
  if (json) {
    process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
    return 0;
  }
  for (const a of articles) {
    process.stdout.write(`${a.title ?? a.doc}\n  ${[a.source ?? 'no source', a.publishedOn ?? 'undated', a.url].filter(Boolean).join(' · ')}\n`);
    process.stdout.write(`  ${a.paragraphs.length} paragraphs, ${a.captions.length} captions; ${a.path}\n`);
  }
  return 0;
}

runMain('articles', main);
