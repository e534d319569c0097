// Two projects (`npm test` runs both):
//   unit  the edit loop (`npm run test:unit`): everything that runs in this process alone.
//   e2e   (`npm run test:e2e`): files that spawn processes or open sockets — the loopback stand-in of
//         Discord with a real discord.js client, HTTP mode, the page server, the command line.
// A file is e2e when it imports what does that (below), so a new test lands in the right project
// without a list to keep.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const E2E_IMPORTS = /from '(?:node:child_process|node:net|node:http|(?:\.\.?\/)+(?:(?:bot|http|fetch)\/)?(?:harness|pageServer)\.js|(?:\.\.\/)+src\/standin\/index\.js)'/u;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const e2e = testFiles('test').filter((file) => E2E_IMPORTS.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    // End-to-end tests start a loopback Discord and a real client; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: e2e } },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
