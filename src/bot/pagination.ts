// Shows one page of a list of pages as the reply, with Previous/Next buttons that carry the query
// (src/bot/pageButtons.ts). Nothing is kept in memory: a click re-runs the command for the page it
// names (src/bot/replay.ts), on whichever process receives it. Only the person who asked may page.
import { pagerRow, type Page } from '../render/discord.js';
import type { CommandInteraction } from './commandContract.js';
import { encodeButton, type PageQuery, type QueryStore } from './pageButtons.js';
import { NO_MENTIONS } from './safety.js';

export const NOT_YOURS = 'Only the person who asked can page through these results.';

export class Pager {
  constructor(readonly store: QueryStore) {}

  /** Replaces the deferred reply with the page asked for (page 1 for a new command). */
  async show(interaction: CommandInteraction, pages: Page[]): Promise<void> {
    const count = pages.length;
    const index = Math.min(Math.max(interaction.page ?? 0, 0), Math.max(count - 1, 0));
    const page = pages[index] ?? { content: '', embeds: [] };
    if (count <= 1) {
      await interaction.editReply({ ...page, components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    const query: PageQuery = { command: interaction.commandName, options: [...interaction.options.data] };
    const asker = interaction.user.id;
    const prev = encodeButton({ direction: 'prev', page: Math.max(index - 1, 0), asker }, query);
    const next = encodeButton({ direction: 'next', page: Math.min(index + 1, count - 1), asker }, query);
    // The key must be readable by every replica before anyone can click.
    const key = prev.key ?? next.key;
    if (key) await this.store.put(key, query);
    await interaction.editReply({
      ...page,
      components: [pagerRow(index, count, false, { prev: prev.customId, next: next.customId })],
      allowedMentions: NO_MENTIONS,
    });
  }
}
