/**
 * The Match calendar file (content/reference/calendar.json): one shape per concept, each with its type.
 * Every date is either official (a source states it for that Match) or estimated from the last official
 * cycle by a stated rule, so a reader always sees which one it is. Build time only (zod 3, like reference.ts).
 */
import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, that exists (no February 30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => {
    const [y = 0, m = 0, d = 0] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such date');
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Key of a source in content/reference/figures.json. */
export const sourceKeySchema = z.string().regex(/^[a-z0-9-]+$/);

/**
 * How an estimated date follows from its basis date: `same-day` keeps the month and day; `same-weekday` takes
 * the same weekday nearest to that month and day (ERAS and the NRMP keep weekdays: Wednesdays for ERAS,
 * Friday for Match Day).
 */
export const estimateRuleSchema = z.enum(['same-day', 'same-weekday']);
export type EstimateRule = z.infer<typeof estimateRuleSchema>;

/** A date a source states for this Match. */
export const officialDateSchema = z.object({
  /** Always "official". */
  kind: z.literal('official'),
  /** The date. */
  date: isoDateSchema,
  /** Source that states it. */
  source: sourceKeySchema,
});
export type OfficialDate = z.infer<typeof officialDateSchema>;

/** A date estimated from the last official cycle. */
export const estimatedDateSchema = z.object({
  /** Always "estimated". */
  kind: z.literal('estimated'),
  /** The estimate; it must follow from `basisDate` by `rule` (checked when the file is read). */
  date: isoDateSchema,
  /** The official date it was estimated from. */
  basisDate: isoDateSchema,
  /** Source that states the basis date. */
  basisSource: sourceKeySchema,
  /** How the estimate follows from the basis. */
  rule: estimateRuleSchema,
  /** The basis in words, for the reader, e.g. "Wednesday, March 4, 2026 for the 2026 Match". */
  basis: z.string().min(10),
});
export type EstimatedDate = z.infer<typeof estimatedDateSchema>;

/** An official or estimated date. */
export const datedSchema = z.discriminatedUnion('kind', [officialDateSchema, estimatedDateSchema]);
export type Dated = z.infer<typeof datedSchema>;

/** Who runs the step. */
export const calendarOwnerSchema = z.enum(['AAMC ERAS', 'NRMP', 'ECFMG', 'Programs']);
export type CalendarOwner = z.infer<typeof calendarOwnerSchema>;

/** One step of a Match year: a day, or a span of days. */
export const calendarEntrySchema = z
  .object({
    /** Stable id, the same in every Match year, e.g. "rol-deadline". */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** What happens, in a few words. */
    title: z.string().min(3).max(80),
    /** Who runs it. */
    owner: calendarOwnerSchema,
    /** The (first) day. */
    start: datedSchema,
    /** The last day of a span, when it is one. */
    end: datedSchema.optional(),
    /** Time of day, Eastern Time, when a source gives one ("9:00 p.m. ET"). */
    time: z.string().optional(),
    /** What it means for a non-US IMG, in plain words. */
    note: z.string().min(20),
    /** True when missing it means the rank list is not used at all. */
    decidesRankList: z.boolean().default(false),
  })
  .refine((e) => !e.end || e.end.date >= e.start.date, { message: 'a span ends before it starts', path: ['end'] });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

/** The steps of one Match: ERAS season in the year before, the Match in March, training from July. */
export const matchYearSchema = z
  .object({
    /** The Match year: Match Day falls in March of this year. */
    match: z.number().int().min(2020).max(2100),
    /** Its steps. */
    entries: z.array(calendarEntrySchema).min(1),
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>();
    y.entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate ${e.id}` });
      seen.add(e.id);
      for (const d of [e.start, e.end]) {
        const year = d ? Number(d.date.slice(0, 4)) : y.match;
        if (year < y.match - 1 || year > y.match) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i],
            message: `${e.id} falls outside ${y.match - 1}–${y.match}`,
          });
        }
      }
    });
  });
export type MatchYear = z.infer<typeof matchYearSchema>;

/** The whole calendar file. */
export const calendarFileSchema = z.object({
  /** When the dates were last checked against their sources (YYYY-MM-DD). */
  checked: isoDateSchema,
  /** One block per Match year, in order. */
  years: z.array(matchYearSchema).min(1),
});
export type CalendarFile = z.infer<typeof calendarFileSchema>;
