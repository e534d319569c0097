// Cache fingerprints record what built a cache (lunr's rule): the code and the packages' versions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/packageVersion.js';
import { INDEX_FINGERPRINT } from '../../src/search/indexOptions.js';

const installed = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('cache fingerprints', () => {
  it('read the installed versions of the packages that shape a cache', () => {
    for (const name of ['chrono-node', 'gender-detection-from-name', 'stemmer', 'stopword']) expect(packageVersion(name)).toBe(installed(name));
    expect(packageVersion('no-such-package-here')).toBe('unknown');
  });

  it('record the stemmer and stop-word list versions in the index fingerprint', () => {
    const recorded = JSON.parse(INDEX_FINGERPRINT) as { packages: Record<string, string> };
    expect(recorded.packages).toEqual({ stemmer: installed('stemmer'), stopword: installed('stopword') });
  });
});
