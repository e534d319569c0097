// The coverage folder must exist and be a folder; otherwise the bot stops with one line saying so.
import { stat } from 'node:fs/promises';

/** Why `dir` cannot be the coverage folder, or null when it can. */
export async function coverageFolderProblem(dir: string): Promise<string | null> {
  try {
    if (!(await stat(dir)).isDirectory()) return `SEEDS_DIR "${dir}" is not a folder: set SEEDS_DIR to the folder that holds the articles.`;
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `SEEDS_DIR "${dir}" does not exist: set SEEDS_DIR to the folder that holds the articles.`;
    return `SEEDS_DIR "${dir}" cannot be read (${code ?? String(error)}).`;
  }
}
