/** A sub-command of `mfa-ready`: takes its arguments, writes to the given streams, returns the exit code. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  summary: string;
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Bad input to a command: printed as one line, exit code 2, nothing changed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
