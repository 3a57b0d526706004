/** The user's verification log: facts they confirmed with a program, which replace the dataset's values. */
import { numberIn, z } from '../util/zod';
import { acgmeIdSchema, isoDateSchema, type PolicyFacts, type Program } from '../data/program';

const entryBase = {
  /** ACGME ID of the program. */
  programId: acgmeIdSchema,
  /** When the user verified it. */
  date: isoDateSchema,
  /** How, in the user's words (e.g. "email from the coordinator"). */
  how: z.string().check(z.trim(), z.minLength(1, 'say how you verified it'), z.maxLength(200)),
};

/** One verified fact. */
export const verificationEntrySchema = z.discriminatedUnion('fact', [
  z.object({ ...entryBase, fact: z.literal('j1'), value: z.boolean() }),
  z.object({ ...entryBase, fact: z.literal('h1b'), value: z.boolean() }),
  z.object({
    ...entryBase,
    fact: z.literal('maxYearsSinceGraduation'),
    value: z.union([numberIn(0, 60), z.literal('none')]),
  }),
  z.object({
    ...entryBase,
    fact: z.literal('step2Minimum'),
    value: z.union([numberIn(1, 300), z.literal('none')]),
  }),
]);
export type VerificationEntry = z.infer<typeof verificationEntrySchema>;

/** How the source of every fact the user verified begins. */
export const VERIFIED_PREFIX = 'verified by you on ';

/** The source text of a fact the user verified. */
export function verifiedSource(entry: VerificationEntry): string {
  return `${VERIFIED_PREFIX}${entry.date} (${entry.how})`;
}

/** The program with the user's verified facts in place, marked "verified by you on <date>" (same object when none apply). */
// For the same fact the latest date wins (a tie: the later entry), as the newest answer is the best one.
export function applyVerifications(program: Program, entries: readonly VerificationEntry[]): Program {
  let facts: PolicyFacts | undefined;
  const dates: Partial<Record<VerificationEntry['fact'], string>> = {};
  for (const e of entries) {
    if (e.programId !== program.id) continue;
    const previous = dates[e.fact];
    if (previous !== undefined && previous > e.date) continue;
    dates[e.fact] = e.date;
    facts ??= { ...program.facts };
    const meta = { source: verifiedSource(e), checkedOn: e.date };
    switch (e.fact) {
      case 'j1':
        facts.j1 = { value: e.value, ...meta };
        break;
      case 'h1b':
        facts.h1b = { value: e.value, ...meta };
        break;
      case 'maxYearsSinceGraduation':
        facts.maxYearsSinceGraduation = { value: e.value, ...meta };
        break;
      case 'step2Minimum':
        facts.step2Minimum = { value: e.value, ...meta };
        break;
    }
  }
  return facts === undefined ? program : { ...program, facts };
}

/** Groups a verification log by program id, so a long program list is scanned once. */
export function verificationsByProgram(
  entries: readonly VerificationEntry[],
): ReadonlyMap<string, VerificationEntry[]> {
  const map = new Map<string, VerificationEntry[]>();
  for (const e of entries) {
    const list = map.get(e.programId);
    if (list) list.push(e);
    else map.set(e.programId, [e]);
  }
  return map;
}
