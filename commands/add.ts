// /add url:<link> — fetch a news page, save it into the coverage folder, and answer with its
// citation once it is searchable. Members with Manage Server, or the role ADD_ROLE names.
import { basename } from 'node:path';
import { ApplicationCommandOptionType as Option, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand, type Asker, type CommandContext, type CommandInteraction } from '../src/bot/commandContract.js';
import { NO_MENTIONS } from '../src/bot/safety.js';
import { addArticle } from '../src/fetch/addArticle.js';
import { parseHttpUrl } from '../src/fetch/fetchPage.js';
import { addedText, addRefusalText, type AddRefusal } from '../src/render/addReply.js';

export const URL_MAX = 2000;
/** At most this many adds per member per minute (every attempt that passes the permission check counts). */
export const ADDS_PER_MINUTE = 5;

// One refresh at a time: two adds finishing together must not let the older snapshot win the swap.
let refreshing: Promise<unknown> = Promise.resolve();

function mayAdd(interaction: Asker, role: string | null): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!role || !interaction.member) return false;
  const roles = interaction.member.roles;
  const ids = 'cache' in roles ? [...roles.cache.keys()] : roles;
  const wanted = role.toLowerCase();
  return ids.some((id) => interaction.guild?.roles.cache.get(id)?.name.toLowerCase() === wanted);
}

export const command = defineCommand({
  data: {
    name: 'add',
    description: 'Add a news article to the coverage from its link (moderators).',
    options: [{ type: Option.String, name: 'url', description: 'The article’s web address (http or https)', required: true, max_length: URL_MAX }],
  },
  execute: (interaction, args, ctx) => add(interaction, args.url, ctx),
});

async function add(interaction: CommandInteraction, url: string, ctx: CommandContext): Promise<void> {
  const say = async (text: string) => {
    const body = { content: text, allowedMentions: NO_MENTIONS };
    if (interaction.deferred) await interaction.editReply(body);
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  };
  const refuse = (refusal: AddRefusal, detail: Parameters<typeof addRefusalText>[1] = {}) => say(addRefusalText(refusal, detail));

  const config = ctx.config;
  if (!config) return refuse('not-configured');
  if (!mayAdd(interaction, config.add.role)) return refuse('no-permission', { role: config.add.role });
  const link = url.trim();
  if (!parseHttpUrl(link)) return refuse('not-http');
  // Counted in shared state: a sixth /add within the minute is refused on whichever worker it lands.
  const allowed = await ctx.shared.take(`add:${interaction.user.id}`, ADDS_PER_MINUTE, 60_000);
  if (!allowed.ok) return refuse('rate-limited', { limit: ADDS_PER_MINUTE, retryInS: Math.ceil(allowed.retryInMs / 1000) });

  // Fetching can take up to the time limit; Discord wants an answer within 3 s.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await addArticle({
    link,
    coverageDir: config.seedsDir,
    articles: ctx.library.coverage.articles,
    fetch: { allowPrivate: config.add.allowPrivate, maxBytes: config.add.maxBytes, timeoutMs: config.add.timeoutMs },
  });
  if (!outcome.ok) return refuse(outcome.refusal, { message: outcome.message, covered: outcome.covered });
  ctx.logger.info({ userId: interaction.user.id, file: basename(outcome.path) }, 'article added');

  // Searchable: the live library says when it has taken the file in; else reload the folder.
  const refresh = refreshing.then(async () => {
    const library = ctx.library;
    const next = await (library.onArticleAdded?.(outcome.path) ?? library.reopen?.());
    if (next) ctx.library = next;
    return next;
  });
  refreshing = refresh.catch(() => {});
  const next = await refresh;
  const article = ctx.library.coverage.articles.find((a) => a.path === outcome.path);
  if (!article) {
    await say(`Saved as \`${basename(outcome.path)}\`, but it is not searchable yet${next ? ' (the page gave no readable article text)' : '; it will be after a restart'}.`);
    return;
  }
  await say(addedText(article));
}
