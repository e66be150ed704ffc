import type { Command, CommandIo } from "./commands/command";
import { UsageError } from "./commands/command";
import { ConfigError } from "./config";

/** Every sub-command: its file in src/commands/, which exports `command`. */
const commands: Record<string, string> = {
  serve: "serve",
  assess: "assess",
  "graph-simulator": "graph-simulator",
  doctor: "doctor",
  broadcast: "broadcast",
};

/** Loaded only when it runs, so `mfa-ready assess` does not load the bot. */
function loadCommand(file: string): Command {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load; import() of .ts needs an extension under nodenext
  return (require(`./commands/${file}`) as { command: Command }).command;
}

function usage(): string {
  return [
    "usage: mfa-ready <command> [options]",
    "",
    "commands:",
    ...Object.keys(commands).map((name) => `  ${name}`),
    "",
    "`mfa-ready <command> --help` describes a command.",
  ].join("\n");
}

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const file = commands[name];
  if (file === undefined) {
    io.stderr.write(`mfa-ready: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  try {
    return await loadCommand(file).run(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`mfa-ready ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Entry point of bin/mfa-ready.js. */
export function main(argv: string[]): void {
  runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `mfa-ready: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}

if (require.main === module) {
  main(process.argv.slice(2));
}
