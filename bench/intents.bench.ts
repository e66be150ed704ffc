/**
 * `npm run bench -- intents`: the recogniser's accuracy per language on the labelled messages in
 * test/fixtures/intents, on the tuning split and on the held-out split (never tuned on), with no locale
 * given (the words alone must tell the language), and its speed. Misses are listed for the tuning split
 * only: reading the held-out misses is how one ends up tuning on them.
 */
import { LANGUAGES } from "../src/features/conversation/languages";
import { recognize } from "../src/features/conversation/recognizer";
import type { SplitFigure } from "../test/support/intent-fixtures";
import { loadSplit, scoreSplit } from "../test/support/intent-fixtures";

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

function speed(): number {
  const texts = LANGUAGES.flatMap((language) => loadSplit(language, "tuning").map((item) => item.text));
  const before = process.cpuUsage();
  for (let round = 0; round < 20; round += 1) {
    texts.forEach((text) => recognize(text));
  }
  const used = process.cpuUsage(before);
  return Math.round((20 * texts.length) / ((used.user + used.system) / 1e6));
}

const figures: SplitFigure[] = LANGUAGES.flatMap((language) => [
  scoreSplit(language, "tuning"),
  scoreSplit(language, "held-out"),
]);
for (const figure of figures) {
  process.stdout.write(
    `${figure.language} ${figure.split.padEnd(8)} ${String(figure.right).padStart(3)}/${String(figure.total).padEnd(3)} ` +
      `${percent(figure.right, figure.total).padStart(6)}  language told right ${percent(figure.languageRight, figure.total)}\n`,
  );
  if (figure.split === "tuning") {
    for (const miss of figure.misses) {
      process.stdout.write(
        `    miss ${JSON.stringify(miss.text)}: ${miss.label} -> ${miss.got}${miss.language ? ` [${miss.language}]` : ""}\n`,
      );
    }
  }
}
const sum = (split: string, key: "right" | "total") =>
  figures.filter((figure) => figure.split === split).reduce((total, figure) => total + figure[key], 0);
process.stdout.write(
  `all tuning ${percent(sum("tuning", "right"), sum("tuning", "total"))}, ` +
    `all held-out ${percent(sum("held-out", "right"), sum("held-out", "total"))}; ${speed()} messages per CPU second\n`,
);
