/**
 * The Match calendar: the schema turns away what a calendar must not hold, estimates follow from their basis,
 * the data covers both Matches with every step the guide promises, and each .ics file parses with a real
 * iCalendar parser (ical.js) into the same events.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { calendarFileSchema, calendarEntrySchema, type CalendarFile } from '../../src/engine/calendar/calendar-schema';
import {
  addDays,
  entriesInOrder,
  estimateDate,
  estimateProblems,
  isEstimated,
  longDate,
  matchYear,
  matchYears,
  provenanceText,
  weekday,
} from '../../src/engine/calendar/calendar';
import { escapeText, foldLine, matchYearIcs } from '../../src/engine/calendar/ics';
import { referenceFileSchema } from '../../src/engine/model/reference';

const file: CalendarFile = calendarFileSchema.parse(
  JSON.parse(readFileSync('content/reference/calendar.json', 'utf8')),
);
const reference = referenceFileSchema.parse(JSON.parse(readFileSync('content/reference/figures.json', 'utf8')));
const sourceName = (key: string) => {
  const s = reference.sources.find((x) => x.id === key);
  if (!s) throw new Error(`unknown source ${key}`);
  return `${s.publisher}, ${s.title} (${s.year})`;
};

const official = { kind: 'official', date: '2027-07-01', source: 'nrmp-applicant-toolkit' };
const entry = (over: Record<string, unknown>) => ({
  id: 'match-day',
  title: 'Match Day',
  owner: 'NRMP',
  start: official,
  note: 'You learn where you matched, at noon or so.',
  ...over,
});

describe('calendar schema', () => {
  it.each([
    ['a date that does not exist', { start: { ...official, date: '2027-02-30' } }, 'no such date'],
    ['a date in another format', { start: { ...official, date: '19/03/2027' } }, 'YYYY-MM-DD'],
    ['a span that ends before it starts', { end: { ...official, date: '2027-06-30' } }, 'ends before'],
    ['an estimate without its basis', { start: { kind: 'estimated', date: '2027-03-19' } }, 'Required'],
    ['an unknown owner', { owner: 'USCIS' }, 'Invalid enum value'],
  ])('turns away %s', (_, over, message) => {
    const result = calendarEntrySchema.safeParse(entry(over));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  it('turns away a step outside its Match year and a repeated id', () => {
    const bad = {
      checked: '2026-12-05',
      years: [{ match: 2027, entries: [entry({ start: { ...official, date: '2029-01-01' } }), entry({})] }],
    };
    const issues = calendarFileSchema.safeParse(bad).error?.issues.map((i) => i.message) ?? [];
    expect(issues).toEqual(expect.arrayContaining(['match-day falls outside 2026–2027', 'duplicate match-day']));
  });
});

describe('estimateDate', () => {
  it.each([
    // Match Day: Friday, March 20, 2026 → the Friday nearest March 20.
    ['2026-03-20', 'same-weekday', 2027, '2027-03-19'],
    ['2026-03-20', 'same-weekday', 2028, '2028-03-17'],
    // ERAS opening: Wednesday, June 4, 2025.
    ['2025-06-04', 'same-weekday', 2026, '2026-06-03'],
    ['2025-06-04', 'same-weekday', 2027, '2027-06-02'],
    // Rank-list deadline: Wednesday, March 1, 2023 (and the 2024 deadline, Feb 28, follows too).
    ['2023-03-01', 'same-weekday', 2024, '2024-02-28'],
    ['2023-03-01', 'same-weekday', 2027, '2027-03-03'],
    ['2025-09-15', 'same-day', 2026, '2026-09-15'],
    ['2024-02-29', 'same-day', 2028, '2028-02-29'],
  ] as const)('%s by %s in %i is %s', (basis, rule, year, expected) => {
    expect(estimateDate(basis, rule, year)).toBe(expected);
  });

  it('keeps the weekday and stays within three days for every day of a year', () => {
    for (let i = 0; i < 366; i++) {
      const basis = addDays('2024-01-01', i);
      const est = estimateDate(basis, 'same-weekday', 2031);
      expect(weekday(est)).toBe(weekday(basis));
      const sameDay = `2031${basis.slice(4)}`;
      if (sameDay.endsWith('02-29')) continue;
      const apart = Math.abs(new Date(est).getTime() - new Date(sameDay).getTime()) / 86_400_000;
      expect(apart).toBeLessThanOrEqual(3);
    }
  });

  it('names an estimate that does not follow from its basis', () => {
    const y = structuredClone(file);
    const first = y.years[0]?.entries.find((e) => e.id === 'match-day');
    if (first?.start.kind !== 'estimated') throw new Error('match-day should be estimated');
    first.start.date = '2027-03-20';
    expect(estimateProblems(y)).toEqual([
      '2027 match-day start: 2027-03-20 does not follow from 2026-03-20 (same-weekday: 2027-03-19)',
    ]);
  });
});

describe('the calendar data', () => {
  const required = [
    'eras-opens',
    'eras-submit',
    'programs-review',
    'signals',
    'interviews',
    'nrmp-registration',
    'ranking-opens',
    'rol-deadline',
    'match-week',
    'soap-ends',
    'match-day',
    'training-starts',
    'pathway-application',
    'oet-medicine',
    'img-exam-deadline',
  ];

  it('covers the 2027 and 2028 Matches', () => {
    expect(matchYears(file)).toEqual([2027, 2028]);
  });

  it.each([2027, 2028])('the %i Match has every step the guide promises', (m) => {
    expect(matchYear(file, m).entries.map((e) => e.id)).toEqual(expect.arrayContaining(required));
  });

  it('every estimate follows from its basis by its rule', () => {
    expect(estimateProblems(file)).toEqual([]);
  });

  it('every date names a source that exists', () => {
    for (const y of file.years) {
      for (const e of y.entries) {
        for (const d of [e.start, e.end]) {
          if (d) expect(() => sourceName(d.kind === 'official' ? d.source : d.basisSource)).not.toThrow();
        }
      }
    }
  });

  it('marks the exam, Pathway, OET and rank-list deadlines as deciding whether the list is used', () => {
    for (const y of file.years) {
      const deciding = y.entries.filter((e) => e.decidesRankList).map((e) => e.id);
      expect(deciding.sort()).toEqual(['img-exam-deadline', 'oet-medicine', 'pathway-application', 'rol-deadline']);
    }
  });

  it('puts Match Day on a Friday in March and the rank-list deadline sixteen days before it', () => {
    for (const y of file.years) {
      const day = y.entries.find((e) => e.id === 'match-day')?.start.date ?? '';
      const rol = y.entries.find((e) => e.id === 'rol-deadline')?.start.date ?? '';
      expect(weekday(day)).toBe(5);
      expect(day.slice(5, 7)).toBe('03');
      expect(addDays(rol, 16)).toBe(day);
    }
  });

  it('orders entries by date and words a date and its provenance', () => {
    const entries = entriesInOrder(matchYear(file, 2027));
    const dates = entries.map((e) => e.start.date);
    expect(dates).toEqual([...dates].sort());
    expect(longDate('2027-03-19')).toBe('Friday, March 19, 2027');
    const start = entries.find((e) => e.id === 'training-starts')?.start;
    if (!start) throw new Error('no training start');
    expect(provenanceText(start, sourceName)).toMatch(/^Official: NRMP, Residency Applicant Toolkit/);
  });
});

describe('the .ics files', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    const line = `DESCRIPTION:${'é'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n ');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.join('')).toBe(line);
  });

  it.each([2027, 2028])('the %i file parses with ical.js into one event per step, dates and marks intact', (m) => {
    const year = matchYear(file, m);
    const text = matchYearIcs(year, { stamp: file.checked, sourceName, pageUrl: 'https://example.org/calendar/' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);

    const component = new ICAL.Component(ICAL.parse(text));
    expect(component.name).toBe('vcalendar');
    expect(component.getFirstPropertyValue('version')).toBe('2.0');
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(year.entries.length);

    for (const e of year.entries) {
      const ev = events.find((x) => x.uid === `${e.id}-${m}@ir-pathway`);
      if (!ev) throw new Error(`no event for ${e.id}`);
      expect(ev.startDate.isDate).toBe(true);
      expect(ev.startDate.toString()).toBe(e.start.date);
      expect(ev.endDate.toString()).toBe(addDays(e.end?.date ?? e.start.date, 1));
      expect(ev.summary).toBe(`${e.title}${isEstimated(e) ? ' (estimated)' : ''}`);
      expect(ev.description).toContain(e.note);
      expect(ev.description).toContain(
        e.start.kind === 'official' ? 'Official: ' : 'Estimated from the last official cycle: ',
      );
      if (e.decidesRankList) expect(ev.description).toContain('Miss this and your rank list is not used.');
    }
  });

  it('writes the same bytes for the same data (no clock)', () => {
    const y = matchYear(file, 2027);
    const opts = { stamp: file.checked, sourceName, pageUrl: 'https://example.org/calendar/' };
    expect(matchYearIcs(y, opts)).toBe(matchYearIcs(y, opts));
  });
});
