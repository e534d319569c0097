// Opens the coverage library the bot answers from (src/answer/openLibrary.ts), and says what
// went wrong in one line if it cannot.
import type { LibraryOptions } from '../answer/library.js';
import { openLibrary, type OpenedLibrary } from '../answer/openLibrary.js';

export async function loadLibrary(options: LibraryOptions, warn: (line: string) => void = () => {}): Promise<OpenedLibrary> {
  const library = await openLibrary(options);
  // Skipped files and loader warnings are for the operator's log, never for users.
  for (const line of library.warnings) warn(line);
  return library;
}
