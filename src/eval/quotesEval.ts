// Scores statements against the quotes gold (eval/quotes.dev.jsonl). A gold item matches a predicted
// statement of the same article whose text overlaps its quote (normalised containment either way;
// for several pieces, any piece); pairs are taken best overlap first, one to one. A match with the
// wrong speaker is a false positive and a false negative: a misattribution costs twice.
// Run alone: `tsx src/eval/quotesEval.ts [--seeds DIR] [--gold FILE]`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Person, Statement } from '../types.js';
import { foldCase } from '../corpus/foldCase.js';

export interface GoldQuote {
  doc: string;
  speaker: string;
  kind: string;
  quote: string[];
  said_on: string | null;
  said_on_context?: string | null;
  accept?: string[];
  optional?: boolean;
  note?: string;
}

export interface QuoteDetail {
  outcome: 'right' | 'wrong speaker' | 'missed' | 'optional missed' | 'unmatched prediction';
  doc: string;
  gold?: { speaker: string; quote: string; optional: boolean; saidOn: string | null };
  predicted?: { paragraph: number; speaker: string; text: string; saidOn: string | null };
  dateRight?: boolean;
}

export interface QuotesEval {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  /** Precision counting only predictions that match a gold item (the gold may be incomplete). */
  precisionMatchedOnly: number;
  datesRight: number;
  datesTotal: number;
  details: QuoteDetail[];
}

/** Lower case, no accents, no quote marks or punctuation, single spaces. */
export function normaliseText(text: string): string {
  return ` ${foldCase(text)
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** A speaker name for comparison: no articles, honorifics or possessive marks; spokes* as one word. */
export function normaliseSpeaker(name: string): string {
  return normaliseText(name.replace(/[’']s\b/g, ''))
    .replace(/ (the|a|an|mr|mrs|ms|dr|sir|dame|official) /g, ' ')
    .replace(/ (the|a|an|mr|mrs|ms|dr|sir|dame|official) /g, ' ')
    .replace(/ spokes(man|woman|person) /g, ' spokesperson ')
    .trim();
}

/** How well a prediction's text covers a gold quote: 0 when neither contains the other. */
function overlap(gold: GoldQuote, text: string): number {
  const predicted = normaliseText(text);
  const options = [gold.quote.join(' '), ...gold.quote].map(normaliseText);
  let best = 0;
  for (const option of options) {
    if (option.trim() === '' || predicted.trim() === '') continue;
    if (predicted.includes(option) || option.includes(predicted)) {
      best = Math.max(best, Math.min(option.length, predicted.length) / Math.max(option.length, predicted.length));
    }
  }
  return best;
}

export function readGold(goldPath: string): GoldQuote[] {
  return readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldQuote);
}

export function evaluateQuotes(statements: Statement[], goldPath: string, people: Person[] = []): QuotesEval {
  const gold = readGold(goldPath);
  const docs = new Set(gold.map((g) => g.doc));
  const predictions = statements.filter((s) => docs.has(s.doc));
  const aliases = new Map(people.map((p) => [p.name, [p.name, ...p.aliases]]));

  // Best overlaps first, one to one.
  const pairs: { g: number; p: number; score: number }[] = [];
  gold.forEach((item, g) =>
    predictions.forEach((s, p) => {
      if (s.doc !== item.doc) return;
      const score = overlap(item, s.text);
      if (score > 0) pairs.push({ g, p, score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.p - b.p);
  const goldTaken = new Map<number, number>();
  const predTaken = new Set<number>();
  for (const pair of pairs) {
    if (goldTaken.has(pair.g) || predTaken.has(pair.p)) continue;
    goldTaken.set(pair.g, pair.p);
    predTaken.add(pair.p);
  }

  let tp = 0;
  let fp = 0;
  let fn = 0;
  let datesRight = 0;
  let datesTotal = 0;
  const details: QuoteDetail[] = [];
  gold.forEach((item, g) => {
    const goldView = { speaker: item.speaker, quote: item.quote.join(' … '), optional: !!item.optional, saidOn: item.said_on };
    const p = goldTaken.get(g);
    if (p === undefined) {
      if (!item.optional) fn++;
      details.push({ outcome: item.optional ? 'optional missed' : 'missed', doc: item.doc, gold: goldView });
      return;
    }
    const s = predictions[p]!;
    const predicted = { paragraph: s.paragraph, speaker: s.speaker, text: s.text, saidOn: s.saidOn };
    const names = new Set([item.speaker, ...(item.accept ?? [])].map(normaliseSpeaker));
    const speakerRight = (aliases.get(s.speaker) ?? [s.speaker]).some((n) => names.has(normaliseSpeaker(n)));
    if (!speakerRight) {
      fp++;
      fn++;
      details.push({ outcome: 'wrong speaker', doc: item.doc, gold: goldView, predicted });
      return;
    }
    tp++;
    const allowed = [item.said_on, ...(item.said_on_context !== undefined ? [item.said_on_context] : [])];
    const dateRight = allowed.includes(s.saidOn);
    datesTotal++;
    if (dateRight) datesRight++;
    details.push({ outcome: 'right', doc: item.doc, gold: goldView, predicted, dateRight });
  });
  predictions.forEach((s, p) => {
    if (predTaken.has(p)) return;
    fp++;
    details.push({ outcome: 'unmatched prediction', doc: s.doc, predicted: { paragraph: s.paragraph, speaker: s.speaker, text: s.text, saidOn: s.saidOn } });
  });

  const unmatched = details.filter((d) => d.outcome === 'unmatched prediction').length;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const matchedFp = fp - unmatched;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    tp,
    fp,
    fn,
    precisionMatchedOnly: tp + matchedFp ? tp / (tp + matchedFp) : 0,
    datesRight,
    datesTotal,
    details,
  };
}

export function formatQuotesEval(result: QuotesEval): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}  (tp ${result.tp}, fp ${result.fp}, fn ${result.fn})`,
    `precision over gold-matched predictions only ${pct(result.precisionMatchedOnly)} (unmatched predictions may be right: the gold may be incomplete)`,
    `dates right ${result.datesRight}/${result.datesTotal}`,
  ];
  const show = (d: QuoteDetail) => {
    const where = d.predicted ? `${d.doc.slice(0, 3)} ¶${d.predicted.paragraph}` : d.doc.slice(0, 3);
    const gold = d.gold ? `gold ${d.gold.speaker}: “${clip(d.gold.quote)}” (${d.gold.saidOn ?? 'undated'})` : '';
    const predicted = d.predicted ? `predicted ${d.predicted.speaker}: “${clip(d.predicted.text)}” (${d.predicted.saidOn ?? 'undated'})` : '';
    return `  ${where}  ${[gold, predicted].filter(Boolean).join(' | ')}`;
  };
  for (const [title, test] of [
    ['wrong speaker', (d: QuoteDetail) => d.outcome === 'wrong speaker'],
    ['missed', (d: QuoteDetail) => d.outcome === 'missed'],
    ['wrong date', (d: QuoteDetail) => d.outcome === 'right' && d.dateRight === false],
    ['unmatched predictions (judge by hand)', (d: QuoteDetail) => d.outcome === 'unmatched prediction'],
    ['optional, missed', (d: QuoteDetail) => d.outcome === 'optional missed'],
  ] as const) {
    const items = result.details.filter(test);
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map(show));
  }
  return lines.join('\n');
}

const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, gold: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const { loadCoverage } = await import('../statements/loadCoverage.js');
  const coverage = await loadCoverage(values.seeds ?? (await import('../coverageSetting.js')).coverageDirSetting());
  const result = evaluateQuotes(coverage.statements, values.gold ?? 'eval/quotes.dev.jsonl', coverage.people);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatQuotesEval(result)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`quotes eval failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
