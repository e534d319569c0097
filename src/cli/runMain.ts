// Every command-line entry point ends the same way: the exit code main() returns, or one line on
// stderr (never a stack trace) and exit 1.
export function runMain(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
