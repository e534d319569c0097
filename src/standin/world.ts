// The one guild the stand-in pretends to be: a bot, its application, a text channel and two people.
// Payload shapes follow Discord's API v10 closely enough for discord.js to build real structures.
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

export interface World {
  appId: string;
  bot: StandInUser;
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

export function makeWorld(appId?: string): World {
  const guildId = snowflake();
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
    guildId,
    channelId: snowflake(),
    everyoneRoleId: guildId,
    asker: user('asker'),
    bystander: user('bystander'),
    moderator: user('moderator'),
    editorsRoleId: snowflake(),
  };
}

export function channelPayload(world: World) {
  return {
    id: world.channelId,
    type: 0,
    guild_id: world.guildId,
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

export function readyPayload(world: World, sessionId: string, resumeUrl: string) {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 },
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: world.appId, flags: 0 },
    private_channels: [],
    relationships: [],
    user_settings: {},
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
  };
}

export function guildCreatePayload(world: World) {
  return {
    id: world.guildId,
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
        id: world.everyoneRoleId,
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
    channels: [channelPayload(world)],
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
export function interactionBase(world: World, type: number, user: StandInUser, locale: string, member: MemberOverrides = {}) {
  return {
    id: snowflake(),
    application_id: world.appId,
    type,
    token: `standin-${snowflake()}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: 'en-GB', features: [] },
    guild_locale: 'en-GB',
    channel_id: world.channelId,
    channel: channelPayload(world),
    member: memberPayload(user, world, member),
    app_permissions: APP_PERMISSIONS,
    locale,
    entitlements: [],
    authorizing_integration_owners: { '0': world.guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}
