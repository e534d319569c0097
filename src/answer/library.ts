// The one object the edges (command line, bot) hold: loaded coverage plus the answers over it.
// Implemented in this folder; everything here is pure once loaded, with no Discord in sight.
import type { AskAnswer, Coverage, Person, WhoAnswer } from '../types.js';
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
}

export interface LibraryOptions {
  /** Folder of `.txt` articles. */
  seedsDir: string;
  /** Where the persisted index lives; default `.cache/` in the working directory. */
  cacheDir?: string;
}
