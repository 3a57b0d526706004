/**
 * The Match calendar (content/reference/calendar.json), parsed once at build time with the engine's schema.
 * A bad date, an unknown source or an estimate that does not follow from its basis throws here, naming the
 * file and field, so the build fails.
 */
import raw from '../../content/reference/calendar.json';
import { calendarFileSchema, type CalendarFile } from '../engine/calendar/calendar-schema';
import { estimateProblems } from '../engine/calendar/calendar';
import { reference, sourceById } from './reference-data';

function load(): CalendarFile {
  const parsed = calendarFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  content/reference/calendar.json ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid Match calendar:\n${lines.join('\n')}`);
  }
  const known = new Set(reference.sources.map((s) => s.id));
  const problems = [...estimateProblems(parsed.data)];
  for (const y of parsed.data.years) {
    for (const e of y.entries) {
      for (const d of [e.start, e.end]) {
        const key = d?.kind === 'official' ? d.source : d?.basisSource;
        if (key && !known.has(key)) problems.push(`${y.match} ${e.id}: unknown source ${key}`);
      }
    }
  }
  if (problems.length) throw new Error(`Match calendar:\n  ${problems.join('\n  ')}`);
  return parsed.data;
}

/** The Match calendar, validated. */
export const calendar: CalendarFile = load();

/** A source's name as the calendar prints it: "NRMP, <title> (<year>)". */
export function calendarSourceName(key: string): string {
  const s = sourceById(key);
  return `${s.publisher}, ${s.title} (${s.year})`;
}
