// The installed version of a dependency, for cache fingerprints: a cache written with another
// version of the code that shaped it (the stemmer, chrono-node, the given-name list) is not used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** "2.10.3", or "unknown" when the package cannot be found (the fingerprint then still differs from a found one). */
export function packageVersion(name: string): string {
  try {
    // The package's entry point, then up to the package.json that names it (exports may hide the file).
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 6; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // no package.json at this level
      }
      dir = dirname(dir);
    }
  } catch {
    // not installed
  }
  return 'unknown';
}
