/**
 * Typo tolerance: the optimal-string-alignment form of the Damerau-Levenshtein distance (insertions,
 * deletions, substitutions and swaps of neighbouring letters), computed only up to a bound so a word far
 * from every candidate costs little.
 */

/** Edits a vocabulary word tolerates: short words none, 5-6 letters one, longer words two. */
export function maxEditsFor(vocabularyWord: string): number {
  if (vocabularyWord.length >= 7) {
    return 2;
  }
  return vocabularyWord.length >= 5 ? 1 : 0;
}

/** The distance between a and b, or `bound + 1` as soon as it is known to exceed `bound`. */
export function boundedDamerauLevenshtein(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) {
    return bound + 1;
  }
  if (a === b) {
    return 0;
  }
  const width = b.length + 1;
  // Three rolling rows: two rows back is needed for the swap of neighbouring letters.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > bound) {
      return bound + 1;
    }
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? bound + 1;
  return distance > bound ? bound + 1 : distance;
}
