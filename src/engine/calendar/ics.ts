/**
 * One Match year as an iCalendar file (RFC 5545): an all-day event per step, its summary marked
 * "(estimated)" where a date is estimated, and a description that says how the date was found. Pure: the
 * time stamp comes in as an argument, so a build always writes the same bytes for the same data.
 */
import type { IsoDate, MatchYear } from './calendar-schema';
import { addDays, entriesInOrder, isEstimated, provenanceText } from './calendar';

/** What the file needs besides the Match year. */
export interface IcsOptions {
  /** The DTSTAMP of every event: the day the dates were checked. */
  readonly stamp: IsoDate;
  /** Turns a source key into its name ("NRMP, 2026 Main Residency Match news"). */
  readonly sourceName: (key: string) => string;
  /** Address of the calendar page, added to each description. */
  readonly pageUrl: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; the others 74, after their leading space.
    if (bytes + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basic = (date: IsoDate) => date.replace(/-/g, '');

/** The iCalendar text of one Match year, lines ending in CRLF. */
export function matchYearIcs(year: MatchYear, options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//IR Pathway//Match calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`IR Pathway: the ${year.match} Match`)}`,
  ];
  for (const e of entriesInOrder(year)) {
    const provenance = [e.start, ...(e.end ? [e.end] : [])]
      .map((d, i) => `${e.end ? (i === 0 ? 'First day: ' : 'Last day: ') : ''}${provenanceText(d, options.sourceName)}`)
      .join('\n');
    const description = [
      e.note,
      e.time ? `Time: ${e.time}.` : '',
      e.decidesRankList ? 'Miss this and your rank list is not used.' : '',
      provenance,
      `Check the current dates: ${options.pageUrl}`,
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}-${year.match}@ir-pathway`,
      `DTSTAMP:${basic(options.stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${basic(e.start.date)}`,
      `DTEND;VALUE=DATE:${basic(addDays(e.end?.date ?? e.start.date, 1))}`,
      `SUMMARY:${escapeText(`${e.title}${isEstimated(e) ? ' (estimated)' : ''}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(e.owner)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
