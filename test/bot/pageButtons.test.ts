// The page-button format: every option of a command survives the round trip, whatever options the
// command has; anything over Discord's 100 characters goes through a stored key instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreState } from '../../src/state/storeState.js';
import { Store } from '../../src/store/store.js';
import { CUSTOM_ID_MAX, decodeButton, encodeButton, queryKey, QueryStore, type OptionTypes, type PageQuery } from '../../src/bot/pageButtons.js';

// A command as another helper might define it: strings, a boolean, an integer and a number.
const TYPES: OptionTypes = (name) =>
  name === 'who'
    ? new Map([
        ['person', 3],
        ['since', 3],
        ['until', 3],
        ['hide', 5],
        ['limit', 4],
        ['weight', 10],
      ])
    : undefined;
const ASKER = '1234567890123456789';

describe('page buttons', () => {
  it('carries any option map and the asker inline when it fits', () => {
    const query: PageQuery = {
      command: 'who',
      options: [
        { name: 'person', type: 3, value: 'Lammy & co = 100%' },
        { name: 'since', type: 3, value: '2025-04-01' },
        { name: 'hide', type: 5, value: false },
        { name: 'limit', type: 4, value: 7 },
        { name: 'weight', type: 10, value: 0.5 },
      ],
    };
    const { customId, key } = encodeButton({ direction: 'next', page: 3, asker: ASKER }, query);
    expect(key).toBeNull();
    expect(customId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    const decoded = decodeButton(customId, TYPES)!;
    expect(decoded).toMatchObject({ direction: 'next', page: 3, asker: ASKER });
    expect('query' in decoded && decoded.query.command).toBe('who');
    const byName = (q: PageQuery) => Object.fromEntries(q.options.map((o) => [o.name, [o.type, o.value]]));
    expect('query' in decoded && byName(decoded.query)).toEqual(byName(query));
  });

  it('falls back to a 16-character key for long queries, the same key for the same query', () => {
    const question = 'Qu’a dit le ministre à Londres ? '.repeat(9).trim();
    const query: PageQuery = { command: 'who', options: [{ name: 'person', type: 3, value: question }] };
    const a = encodeButton({ direction: 'prev', page: 0, asker: ASKER }, query);
    const b = encodeButton({ direction: 'next', page: 2, asker: '98765432109876543' }, query);
    expect(a.key).toBe(queryKey(query));
    expect(b.key).toBe(a.key);
    expect(a.customId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodeButton(b.customId, TYPES)).toEqual({ direction: 'next', page: 2, asker: '98765432109876543', key: a.key });
  });

  it('reads nothing it did not write: other ids, unknown commands, dropped options', () => {
    expect(decodeButton('page:next', TYPES)).toBeNull();
    expect(decodeButton('pg>1.abc.nosuch?x=1', TYPES)).toBeNull();
    expect(decodeButton('pg>1.abc.#short', TYPES)).toBeNull();
    const decoded = decodeButton('pg>1.abc.who?person=A&gone=1&limit=NaN', TYPES)!;
    expect('query' in decoded && decoded.query.options).toEqual([{ name: 'person', type: 3, value: 'A' }]);
  });

  it('keeps long queries in the shared store, read back by another connection, and refuses one that does not match its key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const query: PageQuery = { command: 'who', options: [{ name: 'person', type: 3, value: 'x'.repeat(200) }] };
    const key = queryKey(query);
    await new QueryStore(new StoreState(Store.forDir(dir)), TYPES).put(key, query);
    // Another process (its own connection, nothing in memory) reads it back.
    const other = Store.openSeparately(dir);
    try {
      expect(await new QueryStore(new StoreState(other), TYPES).get(key)).toEqual(query);
      other.shared((db) => db.prepare("UPDATE shared SET value = replace(value, 'xx', 'xy') WHERE key = ?").run(`page:${key}`));
      expect(await new QueryStore(new StoreState(other), TYPES).get(key)).toBeNull();
      expect(await new QueryStore(new StoreState(other), TYPES).get('AAAAAAAAAAAAAAAA')).toBeNull();
    } finally {
      other.close();
    }
  });
});
