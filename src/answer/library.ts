// The one object the edges (command line, bot) hold: loaded coverage plus the answers over it.
// Implemented in this folder; everything here is pure once loaded, with no Discord in sight.
import type { AskAnswer, Coverage, Person, WhoAnswer } from '../types.js';
import type { OnProgress } from '../corpus/progress.js';
import type { AskOptions } from './ask.js';
import type { WhoOptions } from '../statements/whoSaid.js';

export interface Library {
  coverage: Coverage;
  /** Passages that answer the question, best first (default limit 5). */
  ask(question: string, options?: AskOptions): AskAnswer;
  /** What a person or body said, ordered by when said, else when published. */
  who(name: string, options?: WhoOptions): WhoAnswer;
  /** People whose name or an alias matches what has been typed so far, best first (for autocomplete). */
  suggestPeople(typed: string, limit?: number): Person[];
  /** Roles the coverage gives people, matching what has been typed (for autocomplete). */
  suggestRoles?(typed: string, limit?: number): { role: string; holder: string }[];
  /**
   * Coverage that changes while the bot runs: /add saves a page into the coverage folder and then
   * asks the library for the snapshot that has it. A live-updating library (one that watches its
   * folder) implements `onArticleAdded(path)` and resolves with its snapshot once the file at `path`
   * is searchable. Without it, /add calls `reopen()`, which loads the folder again through
   * `openLibrary` (warm: the index cache is keyed by content). Either way the bot swaps the library
   * it answers from for the one returned, in one assignment.
   */
  onArticleAdded?(path: string): Promise<Library>;
  /** The same library opened afresh from its folder (see `onArticleAdded`). */
  reopen?(): Promise<Library>;
}

export interface LibraryOptions {
  /** Folder of `.txt` articles. */
  seedsDir: string;
  /** Where the persisted index lives; default `.cache/` in the working directory. */
  cacheDir?: string;
  /** Source for articles that name none and whose folder's `coverage.json` gives none (COVERAGE_SOURCE). */
  defaultSource?: string | null;
  /** Told how loading goes: files read, statements analysed, index built or loaded. */
  onProgress?: OnProgress;
}
