/**
 * The entry of a benchmark that serves its simulator from a child of itself: `--serve USERS SCALE` runs the
 * child; otherwise run, print the figures with their pass/fail checks, and exit non-zero when one fails.
 */
export function benchMain<Figures extends object>(options: {
  name: string;
  argv: string[];
  serve(users: number, scale: number): Promise<void>;
  run(): Promise<Figures>;
  checks(figures: Figures): Record<string, boolean>;
}): void {
  const [mode, users, scale] = options.argv;
  if (mode === "--serve") {
    void options.serve(Number(users), Number(scale));
    return;
  }
  options.run().then(
    (figures) => {
      const checks = options.checks(figures);
      process.stdout.write(`${JSON.stringify({ ...figures, checks }, null, 2)}\n`);
      process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
    },
    (error: unknown) => {
      process.stderr.write(`${options.name} bench failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
