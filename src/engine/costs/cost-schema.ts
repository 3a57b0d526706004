/**
 * The full-cost file (content/reference/costs.json): each cost on the way, priced by a figure in figures.json
 * or marked as having no official price, and example plans that count them. Build time only (zod 3).
 */
import { z } from 'zod';

/** Stages of the way, in the order a reader meets them. */
export const costGroupSchema = z.enum(['Exams and ECFMG', 'US experience', 'Applying', 'The Match', 'Visa']);
export type CostGroup = z.infer<typeof costGroupSchema>;

/** One cost on the way. */
export const costItemSchema = z
  .object({
    /** Stable id, e.g. "usmle-step1". */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** What it is, in a few words. */
    label: z.string().min(3),
    /** Where it belongs. */
    group: costGroupSchema,
    /** Figure id in figures.json that prices it (USD), when an official or assumed price exists. */
    figure: z.string().optional(),
    /** Why it has no price here, when it has no figure. */
    unpriced: z.string().optional(),
    /** Who pays or when, in a few words. */
    note: z.string().optional(),
  })
  .refine((c) => (c.figure === undefined) !== (c.unpriced === undefined), {
    message: 'a cost has either a figure or a reason it is unpriced',
  });
export type CostItem = z.infer<typeof costItemSchema>;

/** How many of a cost a plan pays. */
export const planItemSchema = z.object({
  /** Cost id. */
  cost: z.string(),
  /** How many times. */
  quantity: z.number().int().min(1).max(20),
});
export type PlanItem = z.infer<typeof planItemSchema>;

/** ERAS applications to one specialty (each starts again at the lower fee). */
export const planApplicationsSchema = z.object({
  /** The specialty as ERAS lists it. */
  specialty: z.string().min(2),
  /** Programs applied to. */
  programs: z.number().int().min(0).max(400),
});
export type PlanApplications = z.infer<typeof planApplicationsSchema>;

/** An example plan whose costs the guide adds up. */
export const costPlanSchema = z.object({
  /** Stable id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Short name, e.g. "Plan A: J-1". */
  title: z.string().min(3),
  /** Who it describes, in one sentence. */
  summary: z.string().min(20),
  /** Costs paid, with counts. */
  items: z.array(planItemSchema).min(1),
  /** ERAS applications by specialty. */
  applications: z.array(planApplicationsSchema).min(1),
  /** Programs on the NRMP rank list, primary and supplemental together. */
  ranks: z.number().int().min(1).max(300),
});
export type CostPlan = z.infer<typeof costPlanSchema>;

/** The whole file: costs and plans, every plan item naming a cost that exists and is priced. */
export const costFileSchema = z
  .object({ items: z.array(costItemSchema).min(1), plans: z.array(costPlanSchema).min(1) })
  .superRefine((file, ctx) => {
    const priced = new Map(file.items.map((c) => [c.id, c.figure !== undefined]));
    file.plans.forEach((p, i) =>
      p.items.forEach((it, j) => {
        if (!priced.has(it.cost)) {
          ctx.addIssue({ code: 'custom', path: ['plans', i, 'items', j], message: `unknown cost ${it.cost}` });
        } else if (!priced.get(it.cost)) {
          ctx.addIssue({ code: 'custom', path: ['plans', i, 'items', j], message: `${it.cost} has no price to add` });
        }
      }),
    );
  });
export type CostFile = z.infer<typeof costFileSchema>;
