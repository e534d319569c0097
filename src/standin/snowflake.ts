// Discord ids are snowflakes: a millisecond timestamp since 2015 shifted left 22 bits plus a counter.
// Real-looking ids matter because discord.js derives createdAt (and cache ordering) from them.
const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

export function snowflake(at: number = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | counter).toString();
}
