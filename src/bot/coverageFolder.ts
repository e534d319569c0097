// The coverage folder must exist and be a folder; otherwise the bot stops with one line saying so.
import { stat } from 'node:fs/promises';
import { coverageDirName } from '../coverageSetting.js';

/** Why `dir` cannot be the coverage folder, or null when it can. */
export async function coverageFolderProblem(dir: string): Promise<string | null> {
  try {
    if (!(await stat(dir)).isDirectory()) return `${coverageDirName()} "${dir}" is not a folder: set COVERAGE_DIR to the folder that holds the articles.`;
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `${coverageDirName()} "${dir}" does not exist: set COVERAGE_DIR to the folder that holds the articles.`;
    return `${coverageDirName()} "${dir}" cannot be read (${code ?? String(error)}).`;
  }
}
