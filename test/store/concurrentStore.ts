// Run as a child process by store.test.ts: `write DIR N` replaces one record N times, alternating two
// states whose every part is filled with one byte (1 or 2); `read DIR MS` reads it for MS and prints
// how many reads saw a whole state and how many saw parts of two.
import { Store } from '../../src/store/store.js';

const [mode, dir, count] = process.argv.slice(2) as [string, string, string];
const store = Store.forDir(dir);
const PARTS = 8;
const SIZE = 256 * 1024;

if (mode === 'write') {
  for (let i = 0; i < Number(count); i++) {
    const state = (i % 2) + 1;
    store.putRecord('test', 'record', `state-${state}`, Array.from({ length: PARTS }, () => new Uint8Array(SIZE).fill(state)));
  }
} else {
  let whole = 0;
  let torn = 0;
  const until = Date.now() + Number(count);
  while (Date.now() < until) {
    for (const state of [1, 2]) {
      const parts = store.getRecord('test', 'record', `state-${state}`);
      if (!parts) continue;
      if (parts.length === PARTS && parts.every((p) => p.length === SIZE && p.every((b) => b === state))) whole++;
      else torn++;
    }
  }
  process.stdout.write(JSON.stringify({ whole, torn, warnings: store.takeWarnings() }));
}
Store.closeAll();
