/**
 * Defers the parts of teams-ai v1 this bot never configures. teams-ai's Application module requires its AI module (planners, the OpenAI client, a GPT tokenizer) and
 * its authentication module (MSAL, botbuilder-dialogs and the antlr-based expression engine under it) when
 * it loads, although it only constructs them when `ai` or `authentication` options are given: this bot
 * gives neither. Loaded eagerly they cost about 50 MB resident and half a second of start-up (measured with
 * `npm run bench -- startup`). So those three modules are registered as lazy: the module system hands out
 * a proxy whose first use loads the real module, so nothing breaks if a later version of the library does
 * touch them; it only stops being cheap. Imported first by ./teams-ai, before any teams-ai module loads.
 */
import Module from "node:module";
import path from "node:path";

const teamsAiLib = path.dirname(require.resolve("@microsoft/teams-ai/lib/Application"));

const loaded = new Set<string>();

/** Files whose exports stay unloaded until a property of them is first read. */
const LAZY_FILES = [
  path.join(teamsAiLib, "AI.js"),
  path.join(teamsAiLib, "authentication", "Authentication.js"),
  require.resolve("botbuilder-dialogs", { paths: [teamsAiLib] }),
];

/** Puts a stand-in for `file` in the require cache; the real module loads on first use and replaces it. */
function registerLazy(file: string): void {
  if (require.cache[file]) {
    return;
  }
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (real === undefined) {
      loaded.add(file);
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deferred load is the point
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const exports = new Proxy(
    {},
    {
      // TypeScript's CommonJS interop asks for __esModule when the module is imported: answer without loading.
      get: (_target, key) => (key === "__esModule" ? true : load()[key]),
      has: (_target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Object.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  const stand = new Module(file);
  stand.filename = file;
  stand.loaded = true;
  stand.exports = exports;
  require.cache[file] = stand;
}

/** The deferred modules that have been loaded for real so far (a start-up test asserts none after a turn). */
export function deferredModulesLoaded(): string[] {
  return [...loaded].map((file) => file.slice(file.lastIndexOf("node_modules") + "node_modules/".length));
}

for (const file of LAZY_FILES) {
  registerLazy(file);
}
