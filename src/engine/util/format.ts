/**
 * Text helpers shared by the engine and the islands, written so that none of them constructs an Intl
 * object per call: `toLocaleString` and `localeCompare` with a locale build a formatter or a collator
 * each time, which cost the planner ~40 ms of start-up when 296 programs were sorted and priced.
 */

/** "12,345" for a whole number, as `toLocaleString('en-US')` writes it. */
export function groupThousands(x: number): string {
  const [whole = '', fraction] = String(x).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

let collator: Intl.Collator | undefined;

/** Compares names as `a.localeCompare(b, 'en')` does, with one collator made on first use. */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en');
  return collator.compare(a, b);
}

/** Compares codes (track names, state codes, IDs) by code unit. */
export function compareCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

let segmenter: Intl.Segmenter | undefined;

// What may not start a cut-off tail: marks (accents, and variation selectors, which are marks too),
// emoji skin tones and the zero-width joiner; the fallback steps back over them so "é" or "👩🏽" stays whole.
const CONTINUES = /^(?:\p{M}|\p{Emoji_Modifier}|\u200D)/u;

/** `text` cut to at most `max` UTF-16 code units, never inside a code point, and stepping back over accents, skin tones and joiners. */
export function truncateByCodePoint(text: string, max: number): string {
  if (text.length <= max) return text;
  // The code points up to the cut and the one after it (at most two code units past `max`).
  const points = Array.from(text.slice(0, max + 2));
  let count = 0;
  let end = 0;
  for (const p of points) {
    if (end + p.length > max) break;
    end += p.length;
    count++;
  }
  while (count > 0 && (CONTINUES.test(points[count] ?? '') || points[count - 1] === '\u200D')) {
    count--;
    end -= points[count]?.length ?? 0;
  }
  return text.slice(0, end);
}

/**
 * `text` cut to at most `max` UTF-16 code units (what `string.length` and zod's `maxLength` count)
 * without splitting a character: whole grapheme clusters (an emoji with its modifiers, a letter with
 * its accents) with Intl.Segmenter, else `truncateByCodePoint`. Text that fits is returned as it is.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (typeof Intl.Segmenter !== 'function') return truncateByCodePoint(text, max);
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let end = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
