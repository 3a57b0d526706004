/**
 * The Match calendar as events: estimates checked against their basis, entries in date order, and the words
 * that say whether a date is official or estimated. Pure: dates are YYYY-MM-DD strings, no clock.
 */
import type { CalendarEntry, CalendarFile, Dated, EstimateRule, IsoDate, MatchYear } from './calendar-schema';

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): Date {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Day of the week, 0 = Sunday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

/**
 * A date estimated in `year` from an official `basis` date: the same month and day (`same-day`), or the same
 * weekday nearest to that month and day (`same-weekday`, at most three days away).
 */
export function estimateDate(basis: IsoDate, rule: EstimateRule, year: number): IsoDate {
  const sameDay = `${String(year).padStart(4, '0')}${basis.slice(4)}`;
  if (rule === 'same-day') return sameDay;
  const shift = (((weekday(basis) - weekday(sameDay)) % 7) + 10) % 7; // 0..6, then move into -3..+3
  return addDays(sameDay, shift - 3);
}

/** Entries whose estimated dates do not follow from their basis by their rule; empty when all do. */
export function estimateProblems(file: CalendarFile): string[] {
  const problems: string[] = [];
  for (const y of file.years) {
    for (const e of y.entries) {
      for (const [part, d] of [
        ['start', e.start],
        ['end', e.end],
      ] as const) {
        if (d?.kind !== 'estimated') continue;
        const expected = estimateDate(d.basisDate, d.rule, Number(d.date.slice(0, 4)));
        if (expected !== d.date) {
          problems.push(
            `${y.match} ${e.id} ${part}: ${d.date} does not follow from ${d.basisDate} (${d.rule}: ${expected})`,
          );
        }
      }
    }
  }
  return problems;
}

/** The Match years the file covers, in order. */
export function matchYears(file: CalendarFile): number[] {
  return file.years.map((y) => y.match).sort((a, b) => a - b);
}

/** One Match year's block; throws naming the year when the file has none. */
export function matchYear(file: CalendarFile, match: number): MatchYear {
  const found = file.years.find((y) => y.match === match);
  if (!found) throw new Error(`The calendar has no ${match} Match`);
  return found;
}

/** A Match year's entries in date order (ties keep the file's order). */
export function entriesInOrder(year: MatchYear): CalendarEntry[] {
  return year.entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start.date.localeCompare(b.e.start.date) || a.i - b.i)
    .map(({ e }) => e);
}

/** Whether any date of the entry is estimated. */
export function isEstimated(entry: CalendarEntry): boolean {
  return entry.start.kind === 'estimated' || entry.end?.kind === 'estimated';
}

/** "Friday, March 19, 2027". */
export function longDate(date: IsoDate): string {
  return toUtc(date).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

/** An entry's day or span for reading: "Friday, March 19, 2027" or "… to …". */
export function whenText(entry: CalendarEntry): string {
  const start = longDate(entry.start.date);
  return entry.end ? `${start} to ${longDate(entry.end.date)}` : start;
}

/**
 * How a date was found, in words: "Official: <source>." or "Estimated from the last official cycle: <basis>
 * (<source>)." `sourceName` turns a source key into its name.
 */
export function provenanceText(d: Dated, sourceName: (key: string) => string): string {
  return d.kind === 'official'
    ? `Official: ${sourceName(d.source)}.`
    : `Estimated from the last official cycle: ${d.basis} (${sourceName(d.basisSource)}).`;
}
