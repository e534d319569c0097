// SHARDS=auto|N in gateway mode: discord.js's own ShardingManager runs one process per shard, each
// this same entry point (it reads its shard ids from the environment the manager sets). The manager
// builds the index once before spawning, so every shard loads the persisted file instead of building.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

/** Discord allows one IDENTIFY per 5 s per bucket; discord.js's default gap between shard starts. */
export const SHARD_SPAWN_DELAY_MS = 5500;

/** Discord's recommended shard count, asked of the configured API (so a stand-in can answer too). */
export async function recommendedShards(config: Pick<Config, 'apiUrl' | 'token'>): Promise<number> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token ?? '');
  const body = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, body.shards);
}

export interface ShardOptions {
  config: Config;
  shards: 'auto' | number;
  logger: Logger;
  signal: AbortSignal;
  spawnDelayMs?: number;
}

/** Runs the shards until `signal` aborts, then stops each (they finish their answers) and returns. */
export async function runShards({ config, shards, logger, signal, spawnDelayMs = SHARD_SPAWN_DELAY_MS }: ShardOptions): Promise<number> {
  const total = shards === 'auto' ? await recommendedShards(config) : shards;
  // main.ts under tsx, main.js when running the build in dist/.
  const entry = new URL(import.meta.url.endsWith('.ts') ? './main.ts' : './main.js', import.meta.url);
  const manager = new ShardingManager(fileURLToPath(entry), {
    totalShards: total,
    token: config.token ?? undefined,
    // tsx's loader flags, so each shard runs the TypeScript entry point as this process does.
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard exited'));
  });
  const spawned = manager.spawn({ amount: total, delay: spawnDelayMs, timeout: 60_000 });
  await Promise.race([spawned, new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
  if (!signal.aborted) {
    logger.info({ shards: total }, 'all shards ready');
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  }
  // Each shard gets SIGTERM, finishes what it is answering and exits; wait for all of them.
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          manager.respawn = false;
          child.kill('SIGTERM');
        }),
    ),
  );
  await spawned.catch(() => {});
  return total;
}
