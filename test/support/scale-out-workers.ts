import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";

import type { ScaleOutWorkerArgs, ScaleOutWorkerMessage } from "../../bench/scale-out-fixture";

export interface ScaleOutWorker {
  child: ChildProcess;
  /** The last "am I the sender" it reported. */
  sending: boolean;
  /** Rows it has marked "sending" so far (it sent them), as last reported. */
  marked: number;
  /** Its final report, once the job is done. */
  final?: ScaleOutWorkerMessage;
  exited: Promise<number | null>;
}

/** Starts one instance's broadcast engine (bench/scale-out-worker.ts) in its own process. */
export function startScaleOutWorker(args: ScaleOutWorkerArgs): ScaleOutWorker {
  const child = fork(
    path.join(__dirname, "..", "..", "bench", "scale-out-worker.ts"),
    [JSON.stringify(args)],
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const worker: ScaleOutWorker = {
    child,
    sending: false,
    marked: 0,
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
  };
  child.on("message", (message: ScaleOutWorkerMessage) => {
    if (message.sending !== undefined) {
      worker.sending = message.sending;
    }
    if (message.marked !== undefined) {
      worker.marked = message.marked;
    }
    if (message.done) {
      worker.final = message;
    }
  });
  return worker;
}
