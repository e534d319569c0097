// Shared by the tests: the seed folder, temp folders that clean up, and the dev gold questions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { GoldQuestion } from '../src/eval/questionsEval.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const SEEDS = join(ROOT, 'seeds');

export const DOC = {
  d000: '000_a6d617cfa2d6d08d',
  d001: '001_adce4d69149a0ea2',
  d002: '002_639d5f41b322b513',
  d003: '003_325b66f23103642b',
  d004: '004_c573857e72073604',
} as const;

/** A fresh temp folder, removed when the test file finishes. */
export function tempDir(prefix = 'coverage-bot-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function devQuestions(): GoldQuestion[] {
  return JSON.parse(readFileSync(join(ROOT, 'eval/questions.dev.json'), 'utf8')) as GoldQuestion[];
}
