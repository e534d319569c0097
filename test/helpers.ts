// Shared by the tests: the seed folder, temp folders that clean up, and the dev gold questions.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import type { GoldQuestion } from '../src/eval/questionsEval.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const SEEDS = join(ROOT, 'seeds');

/**
 * Node's arguments to run a TypeScript file in the same process (tsx's loader), as `npm run dev` does.
 * Tests spawn `process.execPath, [...WITH_TSX, file]` rather than the tsx command, which is a wrapper
 * process: under load it relayed SIGTERM unreliably, so signal tests (shards, workers) flaked.
 */
export const WITH_TSX = ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href] as const;

export const DOC = {
  d000: '000_a6d617cfa2d6d08d',
  d001: '001_adce4d69149a0ea2',
  d002: '002_639d5f41b322b513',
  d003: '003_325b66f23103642b',
  d004: '004_c573857e72073604',
} as const;

/**
 * A fixture from the shared folder beside the repository (`../shared`, too large to keep here: saved
 * news pages, the BBC corpus). Absent, the test file fails with this line naming what is missing,
 * the same everywhere: never a silent skip, which would turn a regression grey rather than red.
 */
export function sharedFixture(relative: string): string {
  const path = join(ROOT, '../shared', relative);
  if (!existsSync(path)) {
    throw new Error(`missing test fixture ${path}: these tests read ../shared/${relative} (check out the shared folder beside the repository; see CONTRIBUTING.md)`);
  }
  return path;
}

/** A fresh temp folder, removed when the test file finishes. */
export function tempDir(prefix = 'coverage-bot-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function devQuestions(): GoldQuestion[] {
  return JSON.parse(readFileSync(join(ROOT, 'eval/questions.dev.json'), 'utf8')) as GoldQuestion[];
}
