/**
 * Ordering the plan by what the applicant gains, and which programs to ask about their visa first.
 * Weights (model.json `plan.weight.*`) express what a program is worth to the applicant beyond its
 * chance; they order the plan and never change a shown chance.
 */
import { param, type Model, type Range } from '../model/model';
import type { Eligibility } from './eligibility';
import type { Program } from '../data/program';
import { irPathwayStrength } from './tiers';
import { compareCode } from '../util/format';

/** What ordering and asking read of one scored program. */
export interface GainInput {
  /** The program (facts applied). */
  readonly program: Program;
  /** Chance per application. */
  readonly chance: Range;
  /** Eligibility, with the visa prior when it is not settled. */
  readonly eligibility: Eligibility;
  /** In the applicant's preferred regions or states. */
  readonly preferred: boolean;
}

/** The plan's sort key: the central chance times the applicant's weights (preferred area, known visa, IR training at home). */
export function planGain(r: GainInput, model: Model): number {
  let w = 1;
  if (r.preferred) w *= param(model, 'plan.weight.preferred');
  if (r.eligibility.status === 'eligible' || r.eligibility.factor === 1) w *= param(model, 'plan.weight.visa-known');
  if (r.program.track === 'dr' && irPathwayStrength(r.program) !== 'limited')
    w *= param(model, 'plan.weight.ir-pathway');
  return r.chance.central * w;
}

/** One program to ask about its visa policy before applying. */
export interface AskFirstEntry {
  /** ACGME ID. */
  readonly programId: string;
  /** The central chance per application now, with the visa prior. */
  readonly chanceNow: number;
  /** The central chance if the program confirms it sponsors the visa. */
  readonly chanceIfYes: number;
  /** Whether the program is in the recommended list already. */
  readonly inPlan: boolean;
  /** The questions to ask, visa first. */
  readonly questions: readonly string[];
}

/**
 * Programs whose visa policy is not settled, ordered by how much a "yes" would change the plan: the
 * gain in chance (chance if yes − chance now) times the applicant's weights; the first
 * `plan.ask-first.count` of them. Ties: preferred area, then name (never the ACGME ID).
 */
export function askFirst(
  candidates: readonly GainInput[],
  recommended: ReadonlySet<string>,
  model: Model,
): AskFirstEntry[] {
  const count = param(model, 'plan.ask-first.count');
  const preferredWeight = param(model, 'plan.weight.preferred');
  // Programs with the same facts share one eligibility object: decide "is the visa open?" once for each.
  const open = new Map<Eligibility, boolean>();
  // The best `count` so far, best first (a short insertion list: thousands of candidates, a dozen kept).
  const top: { r: GainInput; value: number }[] = [];
  for (const r of candidates) {
    const f = r.eligibility.factor;
    if (!(f > 0 && f < 1)) continue;
    let visaOpen = open.get(r.eligibility);
    if (visaOpen === undefined) {
      visaOpen = r.eligibility.reasons.some((x) => (x.fact === 'j1' || x.fact === 'h1b') && x.effect === 'uncertain');
      open.set(r.eligibility, visaOpen);
    }
    if (!visaOpen) continue;
    const gain = r.chance.central / f - r.chance.central;
    const item = { r, value: gain * (r.preferred ? preferredWeight : 1) };
    let at = top.length;
    while (at > 0 && before(item, top[at - 1] as { r: GainInput; value: number })) at--;
    if (at >= count) continue;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top.map(({ r }) => ({
    programId: r.program.id,
    chanceNow: r.chance.central,
    chanceIfYes: r.chance.central / r.eligibility.factor,
    inPlan: recommended.has(r.program.id),
    questions: r.eligibility.questions,
  }));
}

// Larger value first, then preferred areas, then by name.
function before(a: { r: GainInput; value: number }, b: { r: GainInput; value: number }): boolean {
  const byValue = b.value - a.value || Number(b.r.preferred) - Number(a.r.preferred);
  return byValue !== 0 ? byValue < 0 : compareCode(a.r.program.name, b.r.program.name) < 0;
}
