// Scores statements against PolNeAR (../shared/eval/polnear-dev: US political news with every
// attribution annotated by others). Core measure, as its README puts it: of the attributions whose
// content is quoted and whose source names someone, how many the bot returns with that speaker
// (recall), and how many of its statements for those contents carry the right speaker (precision).
// Also: recall of every attribution with a speech verb (found at all; right speaker where named),
// and the misses sorted by the pattern they follow, so work goes where the misses are.
// Run alone: `tsx src/eval/polnearEval.ts [--dir ../shared/eval/polnear-dev] [--json]`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Person, Statement } from '../types.js';
import { SPEECH_VERBS } from '../statements/lexicon.js';
import { normaliseText } from './quotesEval.js';

export const POLNEAR_DIR = '../shared/eval/polnear-dev';
export const POLNEAR_TRAIN_DIR = '../shared/eval/polnear-train';

export interface Attribution {
  doc: string;
  source: string | null;
  cue: string | null;
  content: string;
  sourceSpan: [number, number] | null;
  cueSpan: [number, number] | null;
  contentSpan: [number, number];
  quoted: boolean;
}

export interface PolnearMiss {
  doc: string;
  pattern: string;
  source: string;
  cue: string;
  content: string;
  predicted: string | null;
}

export interface PolnearEval {
  /** Quoted content, named source. */
  named: { gold: number; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number; inventedStatements: number };
  /** Every attribution with a source and a speech verb (quoted or not). */
  speech: { gold: number; found: number; recall: number; namedGold: number; namedRight: number; namedRecall: number };
  missesByPattern: Record<string, number>;
  misses: PolnearMiss[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => normaliseText(text).trim().split(' ').filter(Boolean);

/** The source as a name: the part before an apposition, without determiners and possessive marks. */
function sourceHead(source: string): string[] {
  let before = source.split(/\s*[,–—(]\s*/)[0] ?? source;
  // "Mr. Morgan of the Sierra Club", "Rep. Elijah Cummings of Maryland": the person is before "of".
  const personOf = /^((?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Del|Gen|Lord|Sir)\.?\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}'’-]+)\s+of\s/u.exec(before);
  if (personOf) before = personOf[1]!;
  return words(before.replace(/[’']s\b/g, '')).filter((w) => !['the', 'a', 'an'].includes(w));
}

/** A source that names someone: the head of its name part is capitalised ("Sen. Tim Kaine", "The Post"). */
export function namesSomeone(source: string | null): boolean {
  if (!source) return false;
  const before = (source.split(/\s*[,–—(]\s*/)[0] ?? source).replace(/[’']s\b/g, '');
  const ws = before.match(WORD) ?? [];
  const last = ws[ws.length - 1];
  if (!last || !/^\p{Lu}/u.test(last)) return false;
  return !(ws.length === 1 && /^(I|He|She|They|We|It|You)$/.test(last));
}

/** Same speaker: the last word of the source's name part is the last word of the speaker's name or an alias. */
function sameSpeaker(source: string, names: string[]): boolean {
  const head = sourceHead(source);
  const last = head[head.length - 1];
  if (!last) return false;
  return names.some((n) => {
    const w = words(n.replace(/[’']s\b/g, ''));
    return w[w.length - 1] === last;
  });
}

/**
 * How much of a statement lies, word for word, in an annotated content: the statement's pieces
 * (joined with " … ") that appear whole in the content (or contain it), as a share of the shorter
 * of the two. Contiguous containment, so a short statement sharing common words does not match.
 */
function overlap(statement: string, content: string): number {
  const c = normaliseText(content);
  const cLength = c.trim().length;
  if (cLength === 0) return 0;
  let inside = 0;
  let total = 0;
  for (const piece of statement.split(' … ')) {
    const p = normaliseText(piece);
    const length = p.trim().length;
    total += length;
    if (length === 0) continue;
    if (c.includes(p) && p.trim().split(' ').length >= 2) inside += length;
    else if (p.includes(c)) inside += cLength;
  }
  return total === 0 ? 0 : inside / Math.min(total, cLength);
}

const MATCH = 0.5;

function isSpeechCue(cue: string | null): boolean {
  if (!cue) return false;
  const ws: string[] = cue.toLowerCase().match(/[a-z]+/g) ?? [];
  return ws.includes('according') || ws.some((w) => SPEECH_VERBS.has(w)) || /^[―—:]/.test(cue.trim());
}

/** The pattern a missed attribution follows, judged from the annotated spans and text. */
function patternOf(a: Attribution, text: string): string {
  const cue = (a.cue ?? '').toLowerCase();
  if (cue.includes('according')) return 'according to X';
  if (/^[―—:]+$/.test(cue.trim())) return 'dash or colon, no verb';
  const [s0, s1] = a.sourceSpan!;
  const [c0, c1] = a.contentSpan;
  const gap = s1 <= c0 ? text.slice(s1, c0) : c1 <= s0 ? text.slice(c1, s0) : '';
  if (/[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(gap) || /\n/.test(gap)) return 'speaker in another sentence';
  if (/\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Col|Rev|Sec|Atty)\.|\b[A-Z]\.[A-Z]\./.test(a.source ?? '')) return 'abbreviation with full stop in the name';
  const verb = cue.match(/[a-z]+/g)?.find((w) => SPEECH_VERBS.has(w));
  if (!verb) return 'verb not in the lexicon';
  if (a.cueSpan && a.cueSpan[0] < s0) return 'speaker after the verb';
  if (a.cueSpan && /,/.test(text.slice(s1, a.cueSpan[0]))) return 'apposition between speaker and verb';
  if (/^(to|of|as)\b/i.test(a.content.trim())) return `verb + object/infinitive (${verb})`;
  if (a.contentSpan[0] < s0 && a.contentSpan[1] > s1) return 'speaker inside the quote';
  if (/"/.test(a.content)) return 'straight quotes';
  if (/^that\b/i.test(a.content.trim())) return 'X said that …';
  return `other (${verb})`;
}

export function readAttributions(dir: string): Attribution[] {
  return readFileSync(join(dir, 'attributions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Attribution);
}

export function evaluatePolnear(statements: Statement[], people: Person[], dir = POLNEAR_DIR): PolnearEval {
  const gold = readAttributions(dir);
  const texts = new Map<string, string>();
  const textOf = (doc: string) => {
    if (!texts.has(doc)) texts.set(doc, readFileSync(join(dir, 'text', `${doc}.txt`), 'utf8'));
    return texts.get(doc)!;
  };
  const aliases = new Map(people.map((p) => [p.name, [p.name, ...p.aliases]]));
  const namesOf = (s: Statement) => aliases.get(s.speaker) ?? [s.speaker];
  const byDoc = new Map<string, Statement[]>();
  for (const s of statements) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s]);

  // One to one, best overlap first, within each article.
  const match = (items: Attribution[]) => {
    const pairs: { g: number; s: Statement; score: number }[] = [];
    items.forEach((a, g) => {
      for (const s of byDoc.get(a.doc) ?? []) {
        const score = overlap(s.text, a.content);
        if (score >= MATCH) pairs.push({ g, s, score });
      }
    });
    pairs.sort((x, y) => y.score - x.score);
    const taken = new Map<number, Statement>();
    const used = new Set<Statement>();
    for (const p of pairs) {
      if (taken.has(p.g) || used.has(p.s)) continue;
      taken.set(p.g, p.s);
      used.add(p.s);
    }
    return taken;
  };

  const scope = gold.filter((a) => a.quoted && namesSomeone(a.source));
  const matched = match(scope);
  let tp = 0;
  let wrong = 0;
  const misses: PolnearMiss[] = [];
  scope.forEach((a, g) => {
    const s = matched.get(g);
    if (s && sameSpeaker(a.source!, namesOf(s))) tp++;
    else {
      if (s) wrong++;
      misses.push({ doc: a.doc, pattern: s ? 'wrong speaker' : patternOf(a, textOf(a.doc)), source: a.source!, cue: a.cue ?? '', content: a.content, predicted: s ? s.speaker : null });
    }
  });
  // Quoted statements that no annotated attribution covers: reported apart, not counted against
  // precision (the README's precision is over the statements returned for the annotated contents,
  // and one annotator's file misses some quotes: the ''…'' quotes of the NYT articles, for one).
  const docs = new Set(gold.map((a) => a.doc));
  const invented = statements.filter(
    (s) => docs.has(s.doc) && s.kind !== 'indirect' && !gold.some((a) => a.doc === s.doc && overlap(s.text, a.content) >= MATCH),
  ).length;
  const fp = wrong;
  const fn = scope.length - tp;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = scope.length ? tp / scope.length : 0;

  const speechGold = gold.filter((a) => a.source && isSpeechCue(a.cue));
  const speechMatched = match(speechGold);
  const namedSpeech = speechGold.map((a, g) => ({ a, g })).filter(({ a }) => namesSomeone(a.source));
  const namedRight = namedSpeech.filter(({ a, g }) => speechMatched.has(g) && sameSpeaker(a.source!, namesOf(speechMatched.get(g)!))).length;

  const missesByPattern: Record<string, number> = {};
  for (const m of misses) missesByPattern[m.pattern] = (missesByPattern[m.pattern] ?? 0) + 1;
  return {
    named: { gold: scope.length, tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, inventedStatements: invented },
    speech: {
      gold: speechGold.length,
      found: speechMatched.size,
      recall: speechGold.length ? speechMatched.size / speechGold.length : 0,
      namedGold: namedSpeech.length,
      namedRight,
      namedRecall: namedSpeech.length ? namedRight / namedSpeech.length : 0,
    },
    missesByPattern,
    misses,
  };
}

export function formatPolnearEval(r: PolnearEval, showMisses = 40): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `quoted, named source (${r.named.gold}): precision ${f(r.named.precision)}  recall ${f(r.named.recall)}  F1 ${f(r.named.f1)}  (tp ${r.named.tp}, fp ${r.named.fp}, fn ${r.named.fn}); ${r.named.inventedStatements} quoted statements cover no annotated attribution`,
    `all attributions with a speech verb (${r.speech.gold}): found ${f(r.speech.recall)}; named source (${r.speech.namedGold}) with the right speaker ${f(r.speech.namedRecall)}`,
    'misses by pattern (quoted, named source):',
    ...Object.entries(r.missesByPattern)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `  ${String(n).padStart(4)}  ${p}`),
  ];
  if (showMisses > 0) {
    lines.push(`first ${Math.min(showMisses, r.misses.length)} misses:`);
    for (const m of r.misses.slice(0, showMisses)) {
      lines.push(`  [${m.pattern}] ${m.doc.slice(0, 28)}  ${m.source} | ${m.cue} | “${m.content.slice(0, 80)}”${m.predicted ? ` → predicted ${m.predicted}` : ''}`);
    }
  }
  return lines.join('\n');
}

export const polnearAvailable = (dir = POLNEAR_DIR) => existsSync(join(dir, 'attributions.jsonl'));

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { dir: { type: 'string' }, json: { type: 'boolean', default: false }, misses: { type: 'string' } } });
  const dir = values.dir ?? POLNEAR_DIR;
  const { loadArticles } = await import('../corpus/loadArticles.js');
  const { analyseStatements } = await import('../statements/analyseStatements.js');
  const { articles } = await loadArticles(join(dir, 'text'));
  const { statements, people } = analyseStatements(articles);
  const result = evaluatePolnear(statements, people, dir);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatPolnearEval(result, Number(values.misses ?? 40))}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`PolNeAR eval failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
