/** Frontmatter of a guide chapter and the glossary entry shape. */
import { z } from 'zod';

// zod 3, as Astro's defineCollection needs (src/content.config.ts), so the engine's zod 4 mini
// isoDateSchema cannot be embedded here: the same rule and message, in zod 3. Build time only.
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');

/** Planner sections a chapter can point at (anchors on /planner/). */
export const plannerSectionSchema = z.enum([
  'exams',
  'visa',
  'experience',
  'letters',
  'research',
  'preferences',
  'results',
  'plan',
  'my-list',
  'rank-list',
  'verification',
  'what-if',
  'share',
]);
export type PlannerSection = z.infer<typeof plannerSectionSchema>;

/** Frontmatter every chapter carries. */
export const chapterFrontmatterSchema = z.object({
  /** Chapter title, shown as the page's h1. */
  title: z.string().min(3).max(90),
  /** One or two sentences for cards and the meta description. */
  description: z.string().min(20).max(200),
  /** Position in the guide (1 = first). */
  order: z.number().int().min(1).max(99),
  /** When the chapter was last checked against its sources (YAML may give a Date; kept as YYYY-MM-DD). */
  lastReviewed: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDateSchema),
  /** Keys of sources in content/reference/figures.json that the chapter relies on. */
  sources: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** Planner sections that act on this chapter. */
  planner: z.array(plannerSectionSchema).default([]),
});
export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>;

/** One glossary term. */
export const glossaryEntrySchema = z.object({
  /** Anchor id, lower-case, e.g. `h-1b`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The term as written, e.g. "H-1B". */
  term: z.string().min(1),
  /** What the letters stand for, when it is an abbreviation. */
  expansion: z.string().optional(),
  /** Plain-words definition, one to three short sentences. */
  definition: z.string().min(10),
  /** Other spellings that should link to this entry on first use (e.g. "H1B"). */
  aliases: z.array(z.string()).default([]),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
