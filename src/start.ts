/**
 * `npm start` (and `npm run dev`): the same as `mfa-ready serve`.
 *
 * Node keeps the compiled code of every module on disk between starts (module.enableCompileCache, Node
 * 22.1+; its own directory under the system temp folder, or NODE_COMPILE_CACHE): a restarted instance
 * skips most of the parsing of botbuilder and the rest. It must be enabled before they load, so the
 * service is required only after it.
 */
import module from "node:module";

module.enableCompileCache?.();

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the compile cache, on purpose
const { main } = require("./cli") as { main: (argv: string[]) => void };
main(["serve", ...process.argv.slice(2)]);
