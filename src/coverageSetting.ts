// Which folder of coverage to read when no path is given: COVERAGE_DIR, else its older name SEEDS_DIR
// (kept so existing setups go on working), else the seeds/ the bot ships with.
export function coverageDirSetting(env: NodeJS.ProcessEnv = process.env): string {
  const set = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return set(env.COVERAGE_DIR) ?? set(env.SEEDS_DIR) ?? 'seeds';
}

/** The setting's name as the user set it, for messages ("COVERAGE_DIR" unless only SEEDS_DIR is set). */
export function coverageDirName(env: NodeJS.ProcessEnv = process.env): string {
  return !env.COVERAGE_DIR?.trim() && env.SEEDS_DIR?.trim() ? 'SEEDS_DIR' : 'COVERAGE_DIR';
}
