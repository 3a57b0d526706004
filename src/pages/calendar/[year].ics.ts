/** One .ics file per Match year, written at build time from content/reference/calendar.json (no JavaScript on the page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { matchYear, matchYears } from '../../engine/calendar/calendar';
import { matchYearIcs } from '../../engine/calendar/ics';
import { calendar, calendarSourceName } from '../../lib/calendar-data';

export const getStaticPaths = (() =>
  matchYears(calendar).map((y) => ({ params: { year: String(y) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const year = matchYear(calendar, Number(params['year']));
  const pageUrl = new URL(`${import.meta.env.BASE_URL}calendar/`, site).href;
  const body = matchYearIcs(year, { stamp: calendar.checked, sourceName: calendarSourceName, pageUrl });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
