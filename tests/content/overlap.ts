/**
 * Finds word sequences a text shares with a source text. Used to keep the guide in our own words:
 * any run of `n` or more consecutive words that also appears in the seed article is a failure.
 */

/** Lower-cases, strips MDX/JSX tags, punctuation and typographic quotes, and splits into words. */
export function words(text: string): string[] {
  return text
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9'\s-]+/g, ' ')
    .replace(/(^|\s)['-]+|['-]+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Every run of at least `n` words in `text` that also appears in `source`, merged into maximal runs. */
export function sharedRuns(text: string, source: string, n = 8): string[] {
  const src = words(source);
  const grams = new Set<string>();
  for (let i = 0; i + n <= src.length; i++) grams.add(src.slice(i, i + n).join(' '));
  const w = words(text);
  const runs: string[] = [];
  let i = 0;
  while (i + n <= w.length) {
    if (grams.has(w.slice(i, i + n).join(' '))) {
      let end = i + n;
      while (end < w.length && grams.has(w.slice(end - n + 1, end + 1).join(' '))) end++;
      runs.push(w.slice(i, end).join(' '));
      i = end;
    } else i++;
  }
  return runs;
}
