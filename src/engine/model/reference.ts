/**
 * Published reference figures (NRMP, AAMC, surveys): one source of truth for the guide,
 * the model and the program pages. Each figure carries its source and year.
 */
import { z } from 'zod';

/** A citable source. */
export const sourceSchema = z.object({
  /** Short key other records use to point at this source. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Title of the report, article or page. */
  title: z.string().min(1),
  /** Publisher or journal. */
  publisher: z.string().min(1),
  /** Year of publication. */
  year: z.number().int().min(1990).max(2100),
  /** Where to read it, when it has a stable address. */
  url: z.string().url().optional(),
  /** DOI, when it has one. */
  doi: z.string().optional(),
  /** Caveats a reader should know (small sample, old data, needs checking each cycle). */
  caveat: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** One published figure. */
export const figureSchema = z.object({
  /** Dotted key, e.g. `eras.fee.first30`. */
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/),
  /** The number. Percentages are stored as percent (58.3), not as a share. */
  value: z.number(),
  /** Unit: "%", "USD", "programs", "points", ... */
  unit: z.string().min(1),
  /** What the number is, in plain words. */
  label: z.string().min(1),
  /** Key of the source in `sources`. */
  source: z.string().min(1),
  /** Year the figure describes (the Match year or cycle), not necessarily the publication year. */
  year: z.number().int().min(1990).max(2100),
  /** Caveat specific to this figure. */
  note: z.string().optional(),
});
export type Figure = z.infer<typeof figureSchema>;

/** The whole reference file. */
export const referenceFileSchema = z
  .object({ sources: z.array(sourceSchema), figures: z.array(figureSchema) })
  .superRefine((file, ctx) => {
    const sourceIds = new Set(file.sources.map((s) => s.id));
    const seen = new Set<string>();
    file.figures.forEach((f, i) => {
      if (seen.has(f.id)) {
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'id'], message: `duplicate figure id ${f.id}` });
      }
      seen.add(f.id);
      if (!sourceIds.has(f.source)) {
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'source'], message: `unknown source ${f.source}` });
      }
    });
  });
export type ReferenceFile = z.infer<typeof referenceFileSchema>;

/** Looks up a figure by id; throws with the id named so a typo fails the build. */
export function figure(file: ReferenceFile, id: string): Figure {
  const found = file.figures.find((f) => f.id === id);
  if (!found) throw new Error(`Unknown reference figure "${id}"`);
  return found;
}

/** The value of a figure by id. */
export function figureValue(file: ReferenceFile, id: string): number {
  return figure(file, id).value;
}
