// The two safety rules every reply follows, in one place.
import { MessageFlags, type MessageMentionOptions } from 'discord.js';

/** Never ping anyone, whatever the text says (users, roles, @everyone, @here). */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export const SORRY = 'Sorry, something went wrong answering that. Please try again.';

export function ephemeralIf(hide: boolean): MessageFlags.Ephemeral | undefined {
  return hide ? MessageFlags.Ephemeral : undefined;
}
