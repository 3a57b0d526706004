/** What every engine call needs besides the profile and programs: today, the model, the user's own checks. */
import { isoDateSchema } from '../data/program';
import type { Model } from './model';
import type { VerificationEntry } from '../planner/verification';

/** The context of an evaluation. */
export interface EngineContext {
  /** Today's date (ISO, YYYY-MM-DD); the engine never reads a clock. */
  readonly today: string;
  /** The resolved model (see `resolveModel` in ./model-file, or `bundledModel`). */
  readonly model: Model;
  /** Facts the user verified with programs; they replace the dataset's values. */
  readonly verifications?: readonly VerificationEntry[] | undefined;
}

/** The calendar year of an ISO date; throws on a malformed date so a caller's bug is loud. */
export function yearOf(isoDate: string): number {
  isoDateSchema.parse(isoDate);
  return Number(isoDate.slice(0, 4));
}
