import { parseArgs, type ParseArgsConfig } from "node:util";

import { UsageError } from "./command";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/**
 * A command's `--options` (strict: no unknown options, no positionals). A parse failure becomes a UsageError
 * with the first line of Node's message and then `hint` (e.g. " (see --help)").
 */
export function parseOptions<const Options extends OptionsConfig>(
  args: string[],
  options: Options,
  hint = "",
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]}${hint}`);
  }
}
