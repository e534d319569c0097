// Opens the coverage library the bot answers from (src/answer/openLibrary.ts), and says what
// went wrong in one line if it cannot.
import type { LibraryOptions } from '../answer/library.js';
import { openLibrary, type OpenedLibrary } from '../answer/openLibrary.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';
import { LiveLibrary, type LiveEvent } from '../live/liveLibrary.js';
import type { Logger } from './log.js';

export async function loadLibrary(options: LibraryOptions, warn: (line: string) => void = () => {}): Promise<OpenedLibrary> {
  const library = await openLibrary(options);
  // Skipped files and loader warnings are for the operator's log, never for users.
  for (const line of summariseWarnings(library.warnings)) warn(line);
  return library;
}

/**
 * The library that follows its coverage folder (WATCH=true): new, changed and removed articles are
 * answered from within seconds, without a restart (src/live/liveLibrary.ts). Updates are logged.
 */
export async function loadWatchedLibrary(options: LibraryOptions, logger: Logger): Promise<LiveLibrary> {
  // Watching from before the load: files changed while it runs are answered from once ready.
  const library = await LiveLibrary.open({ ...options, watch: true, onEvent: (event) => logLiveEvent(logger, event) });
  for (const line of summariseWarnings(library.warnings)) logger.warn(line);
  logger.info({ dir: options.seedsDir }, 'watching the coverage folder');
  return library;
}

function logLiveEvent(logger: Logger, event: LiveEvent): void {
  if (event.type === 'updated') {
    const { type: _type, ...fields } = event;
    logger.info(fields, 'coverage updated');
  } else if (event.type === 'compacted') {
    const { type: _type, ...fields } = event;
    logger.info(fields, 'index compacted');
  } else if (event.type === 'warning') logger.warn(event.message);
  else logger.error({ err: event.error }, 'coverage update failed');
}
