// /ask question:<text> [since] [until] [source] [hide] — passages from the coverage that answer the
// question, with citations; since/until filter by publication date (undated articles are then left
// out, and the reply says so), source by publisher.
import { ApplicationCommandOptionType as Option } from 'discord-api-types/v10';
import { parseAskFilters } from '../src/answer/askFilters.js';
import { defineCommand } from '../src/bot/commandContract.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderAsk } from '../src/render/discord.js';
import { examplesFrom, forExample } from '../src/render/examples.js';

export const QUESTION_MAX = 300;
/** A date is ten characters; a source name rarely needs more than this. */
export const SOURCE_MAX = 100;
/**
 * Enough results for a few pages (the pager shows three at a time); passages far below the best,
 * which share one common word with the question, only add pages to read.
 */
export const ASK_OPTIONS = { limit: 12, minRelativeScore: 0.2 } as const;

export const command = defineCommand({
  data: {
    name: 'ask',
    description: 'Ask a question about the news coverage; answers cite the articles.',
    options: [
      { type: Option.String, name: 'question', description: 'What do you want to know?', required: true, max_length: QUESTION_MAX },
      { type: Option.Boolean, name: 'hide', description: 'Only you see the answer' },
      { type: Option.String, name: 'since', description: 'Only articles published on or after this date (YYYY-MM-DD)', min_length: 10, max_length: 10 },
      { type: Option.String, name: 'until', description: 'Only articles published on or before this date (YYYY-MM-DD)', min_length: 10, max_length: 10 },
      { type: Option.String, name: 'source', description: 'Only articles from this publisher, e.g. Independent', max_length: SOURCE_MAX },
    ],
  },
  async execute(interaction, args, ctx) {
    const hide = args.hide ?? false;
    // Searching can take over a second on a cold index; acknowledge first (Discord allows 3 s).
    await interaction.deferReply({ flags: ephemeralIf(hide) });
    const question = args.question;
    if (!/[\p{L}\p{N}]/u.test(question)) {
      const example = examplesFrom(ctx.library.coverage).question;
      await ctx.pager.show(interaction, [{ content: `Please ask a question in words${forExample('ask', 'question', example)}.`, embeds: [] }]);
      return;
    }
    const filters = parseAskFilters({
      since: args.since ?? null,
      until: args.until ?? null,
      source: args.source ?? null,
    });
    if ('error' in filters) {
      await ctx.pager.show(interaction, [{ content: `Sorry: ${filters.error}.`, embeds: [] }]);
      return;
    }
    const answer = ctx.library.ask(question.trim(), { ...ASK_OPTIONS, ...filters });
    const urls = new Map(ctx.library.coverage.articles.map((a) => [a.doc, a.url]));
    await ctx.pager.show(interaction, renderAsk(answer, { articleUrl: (doc) => urls.get(doc) ?? null }));
  },
});
