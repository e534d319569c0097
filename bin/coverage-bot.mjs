#!/usr/bin/env node
// The product's entry point: `coverage-bot <command> [args]` (npm start, npm run ask, npx coverage-bot
// ask --json …) runs the compiled JavaScript in dist/, so nothing is transpiled at start. The build
// (`npm run build`, run by `npm install`) is redone first, with one line on stderr, when a source file
// is newer than it; `npm run dev` keeps tsx for editing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = {
  start: 'src/bot/main',
  'deploy-commands': 'src/bot/deployCommands',
  ask: 'src/cli/ask',
  who: 'src/cli/who',
  quotes: 'src/cli/quotes',
  people: 'src/cli/people',
  articles: 'src/cli/articles',
  eval: 'src/cli/eval',
};

const [command, ...rest] = process.argv.slice(2);
if (command === 'build') process.exit(build());
const entry = ENTRIES[command ?? ''];
if (!entry) {
  process.stderr.write(`usage: coverage-bot <build|${Object.keys(ENTRIES).join('|')}> [arguments]\n`);
  process.exit(2);
}

const built = join(ROOT, 'dist', '.tsbuildinfo');
if (!existsSync(built) || newestSource() > statSync(built).mtimeMs) {
  process.stderr.write('coverage-bot: building dist/ (the sources changed since the last build)…\n');
  const status = build();
  if (status !== 0) process.exit(status);
}

// The command's own arguments, as if it had been started directly.
process.argv = [process.argv[0], join(ROOT, 'dist', `${entry}.js`), ...rest];
await import(pathToFileURL(join(ROOT, 'dist', `${entry}.js`)).href);

/** Compiles src/ and commands/ into dist/ (incremental) and copies the JSON data files beside them. */
function build() {
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) return tsc.status ?? 1;
  const copy = (dir) => {
    for (const item of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) copy(path);
      else if (item.name.endsWith('.json')) {
        mkdirSync(join(ROOT, 'dist', dir), { recursive: true });
        copyFileSync(join(ROOT, path), join(ROOT, 'dist', path));
      }
    }
  };
  copy('src');
  return 0;
}

/** The latest modification time among the TypeScript and JSON sources the build compiles or copies. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(item.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['src', 'commands']) walk(join(ROOT, dir));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
}
