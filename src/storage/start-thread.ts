import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running `file`. Under tsx (tests, benchmarks, the dev server) the file is TypeScript
 * and a thread does not inherit tsx's loader, so the thread registers it first; built, it is plain .js.
 */
export function startThread(file: string, options: WorkerOptions = {}): Worker {
  if (!file.endsWith(".ts")) {
    return new Worker(file, options);
  }
  const tsx = JSON.stringify(require.resolve("tsx/cjs/api"));
  return new Worker(`require(${tsx}).register(); require(${JSON.stringify(file)});`, {
    ...options,
    eval: true,
  });
}
