// What the coverage folder holds, file by file (size, change time, inode), to tell which files
// changed between two looks without reading them: LiveLibrary looks before and after its initial
// load, and re-reads what differs, so a change the watcher did not report during the load is seen.
import { readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { isArticleFile, isSidecarFile } from '../corpus/articleFiles.js';

export type FolderState = Map<string, string>;

export async function folderState(dir: string): Promise<FolderState> {
  const state: FolderState = new Map();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return state; // the load reports a folder it cannot read
  }
  await Promise.all(
    names
      .filter((name) => isArticleFile(name) || isSidecarFile(name))
      .map(async (name) => {
        const path = join(dir, name);
        try {
          const s = await lstat(path, { bigint: true });
          state.set(path, `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`);
        } catch {
          // Gone between the listing and the look: absent.
        }
      }),
  );
  return state;
}

/** Paths added, removed or changed from `before` to `after`. */
export function changedPaths(before: FolderState, after: FolderState): string[] {
  const paths = new Set<string>();
  for (const [path, mark] of after) if (before.get(path) !== mark) paths.add(path);
  for (const path of before.keys()) if (!after.has(path)) paths.add(path);
  return [...paths].sort();
}
