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
