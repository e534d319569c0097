// The one guild the stand-in pretends to be: a bot, its application, a text channel and two people.
// Payload shapes follow Discord's API v10 closely enough for discord.js to build real structures.
import { ChannelType } from 'discord-api-types/v10';
import type { StandInUser } from './types.js';
import { snowflake } from './snowflake.js';

/** Administrator-free, everyday member permissions (view, send, embed, read history, use commands). */
const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n));
/** A moderator's: everyday permissions plus Manage Server (1 << 5), as /add requires. */
export const MANAGE_SERVER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
/** A moderator's permissions: the same as /add requires. */
const MODERATOR_PERMISSIONS = MANAGE_SERVER_PERMISSIONS;
/** What the bot may do in the channel: the same plus attach files. */
const APP_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n));

/** A server with one text channel. */
export interface Guild {
  id: string;
  channelId: string;
}

export interface World {
  appId: string;
  bot: StandInUser;
  /** Every server the bot is in; the first is `guildId`/`channelId`. */
  guilds: Guild[];
  guildId: string;
  channelId: string;
  everyoneRoleId: string;
  /** The person typing commands by default. */
  asker: StandInUser;
  /** Someone else in the channel, e.g. to click another person's buttons. */
  bystander: StandInUser;
  /** A member with Manage Server, for what only moderators may see or do. */
  moderator: StandInUser;
  /** A role with no permissions of its own, named "Editors" (for role-gated commands such as /add). */
  editorsRoleId: string;
}

/** What a member looks like in one interaction: their role ids and permissions (default: everyday member). */
export interface MemberOverrides {
  roles?: string[];
  permissions?: string;
}

export function makeWorld(appId?: string, guildCount = 1): World {
  // Ids a millisecond apart land on successive shards: Discord routes by (guild_id >> 22) % shards.
  const at = Date.now();
  const guilds = Array.from({ length: guildCount }, (_, i) => ({ id: snowflake(at + i), channelId: snowflake() }));
  const guildId = guilds[0]!.id;
  const user = (username: string, extra: Partial<StandInUser> = {}): StandInUser => ({
    id: snowflake(),
    username,
    global_name: username[0]!.toUpperCase() + username.slice(1),
    discriminator: '0',
    avatar: null,
    ...extra,
  });
  const id = appId ?? snowflake();
  return {
    appId: id,
    bot: { ...user('coverage-bot', { bot: true }), id },
    guilds,
    guildId,
    channelId: guilds[0]!.channelId,
    everyoneRoleId: guildId,
    asker: user('asker'),
    bystander: user('bystander'),
    moderator: user('moderator'),
    editorsRoleId: snowflake(),
  };
}

/** Discord's rule for which shard receives a guild's events. */
export function shardOf(guildId: string, shards: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

export function channelPayload(world: World, guild: Guild = world.guilds[0]!) {
  return {
    id: guild.channelId,
    type: ChannelType.GuildText,
    guild_id: guild.id,
    name: 'coverage',
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function memberPayload(user: StandInUser, world: World, overrides: MemberOverrides = {}) {
  return {
    user,
    roles: overrides.roles ?? [],
    nick: null,
    avatar: null,
    joined_at: '2025-01-01T00:00:00.000Z',
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
    permissions: overrides.permissions ?? (user.id === world.bot.id ? APP_PERMISSIONS : user.id === world.moderator.id ? MODERATOR_PERMISSIONS : MEMBER_PERMISSIONS),
  };
}

export function readyPayload(world: World, sessionId: string, resumeUrl: string, shard: [number, number] = [0, 1], guilds: Guild[] = world.guilds) {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 },
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: world.appId, flags: 0 },
    private_channels: [],
    relationships: [],
    user_settings: {},
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
  };
}

export function guildCreatePayload(world: World, guild: Guild = world.guilds[0]!) {
  return {
    id: guild.id,
    name: 'Coverage stand-in',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.asker.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-GB',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: '2025-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 3,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: MEMBER_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: world.editorsRoleId,
        name: 'Editors',
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 1,
        permissions: '0',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    channels: [channelPayload(world, guild)],
    threads: [],
    members: [memberPayload(world.bot, world), memberPayload(world.asker, world), memberPayload(world.bystander, world)],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The fields every interaction carries, whatever its type. */
export function interactionBase(world: World, type: number, user: StandInUser, locale: string, guild: Guild = world.guilds[0]!, member: MemberOverrides = {}) {
  return {
    id: snowflake(),
    application_id: world.appId,
    type,
    token: `standin-${snowflake()}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'en-GB', features: [] },
    guild_locale: 'en-GB',
    channel_id: guild.channelId,
    channel: channelPayload(world, guild),
    member: memberPayload(user, world, member),
    app_permissions: APP_PERMISSIONS,
    locale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}
