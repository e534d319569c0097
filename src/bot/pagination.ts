// Shows a list of pages as one reply with Previous/Next buttons. Only the person who asked may
// page; when the collector's time is up the buttons are disabled so nobody clicks a dead control.
import {
  ComponentType,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionCollector,
} from 'discord.js';
import { NEXT_ID, pagerRow, PREV_ID, type Page } from '../render/discord.js';
import type { Logger } from './log.js';
import { NO_MENTIONS } from './safety.js';

/** Interaction tokens die after 15 minutes; the final "disable buttons" edit must come before. */
const TOKEN_LIFETIME_MS = 14 * 60 * 1000;

export const NOT_YOURS = 'Only the person who asked can page through these results.';

export class Pager {
  private readonly live = new Map<string, { collector: InteractionCollector<ButtonInteraction>; ended: Promise<void> }>();

  constructor(
    private readonly logger: Logger,
    /** How long the buttons work (default 5 minutes). */
    private readonly timeoutMs = 5 * 60 * 1000,
  ) {}

  /** Whether a button on this message is still being handled by a collector. */
  handles(messageId: string): boolean {
    return this.live.has(messageId);
  }

  /** Replaces the deferred reply with page 1, adding buttons when there is more than one page. */
  async show(interaction: ChatInputCommandInteraction, pages: Page[]): Promise<void> {
    const count = pages.length;
    const page = (i: number, disabled = false) => ({
      ...pages[i]!,
      components: count > 1 ? [pagerRow(i, count, disabled)] : [],
      allowedMentions: NO_MENTIONS,
    });
    const message = await interaction.editReply(page(0));
    if (count <= 1) return;

    let index = 0;
    const collector = message.createMessageComponentCollector({
      componentType: ComponentType.Button,
      time: Math.min(this.timeoutMs, TOKEN_LIFETIME_MS),
    });
    collector.on('collect', async (button) => {
      try {
        if (button.user.id !== interaction.user.id) {
          await button.reply({ content: NOT_YOURS, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
          return;
        }
        if (button.customId === NEXT_ID) index = Math.min(index + 1, count - 1);
        else if (button.customId === PREV_ID) index = Math.max(index - 1, 0);
        await button.update(page(index));
      } catch (error) {
        this.logger.warn({ err: error, messageId: message.id }, 'page button failed');
      }
    });
    const ended = new Promise<void>((resolve) => {
      collector.once('end', async () => {
        try {
          await interaction.editReply(page(index, true));
        } catch (error) {
          this.logger.warn({ err: error, messageId: message.id }, 'could not disable page buttons');
        } finally {
          this.live.delete(message.id);
          resolve();
        }
      });
    });
    this.live.set(message.id, { collector, ended });
  }

  /** Ends every pager now (on shutdown), waiting for the buttons to be disabled. */
  async stopAll(): Promise<void> {
    const all = [...this.live.values()];
    for (const { collector } of all) collector.stop('shutdown');
    await Promise.all(all.map((p) => p.ended));
  }
}
