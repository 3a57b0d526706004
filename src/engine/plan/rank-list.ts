/**
 * Checks an ordered rank list against the guide's ranking chapter: leave off programs whose visa
 * is impossible or unconfirmed and programs where you would be unhappy; by default rank
 * IR–Integrated first, then DR with a strong IR pathway, then other DR; no duplicates.
 */
import { z } from '../util/zod';
import { yearOf, type EngineContext } from '../model/context';
import { eligibilityOf } from './eligibility';
import { acgmeIdSchema, type Program } from '../data/program';
import type { Profile } from '../profile/profile';
import { isModelledTrack } from '../model/score';
import { irPathwayOf } from './tiers';
import { applyVerifications, verificationsByProgram } from '../planner/verification';
import { nrmpRankFee } from './plan';

/** One entry of the user's rank list. */
export const rankEntrySchema = z.object({
  /** ACGME ID of the program. */
  programId: acgmeIdSchema,
  /** The user would be unhappy there. */
  unhappy: z._default(z.boolean(), false),
});
export type RankEntry = z.infer<typeof rankEntrySchema>;

/** What a warning is about. */
export type RankWarningKind =
  | 'duplicate'
  | 'unknown-program'
  | 'visa-impossible'
  | 'visa-uncertain'
  | 'excluded'
  | 'unhappy'
  | 'ir-after-dr'
  | 'ir-pathway-after-other-dr'
  | 'rank-fee';

/** One warning about the rank list. */
export interface RankWarning {
  /** What it is about. */
  readonly kind: RankWarningKind;
  /** "problem": fix before certifying; "warning": the guide says to leave it off or confirm; "note": a default worth a look. */
  readonly severity: 'problem' | 'warning' | 'note';
  /** 1-based position on the list, or null for the whole list. */
  readonly position: number | null;
  /** The program concerned, or null. */
  readonly programId: string | null;
  /** What to do, in plain words. */
  readonly message: string;
}

/** Warnings for an ordered rank list, by position (list-wide notes last). */
export function checkRankList(
  entries: readonly RankEntry[],
  programs: readonly Program[],
  profile: Profile,
  ctx: EngineContext,
): RankWarning[] {
  const year = yearOf(ctx.today);
  const byId = new Map(programs.map((p) => [p.id, p]));
  const verified = ctx.verifications ? verificationsByProgram(ctx.verifications) : null;
  const out: RankWarning[] = [];
  const firstAt = new Map<string, number>();
  let firstDr: { position: number; name: string } | null = null;
  let firstOtherDr: { position: number; name: string } | null = null;

  entries.forEach((entry, index) => {
    const position = index + 1;
    const id = entry.programId;
    const seen = firstAt.get(id);
    if (seen !== undefined) {
      out.push({
        kind: 'duplicate',
        severity: 'problem',
        position,
        programId: id,
        message: `This program is already ranked at position ${seen}; each program appears once.`,
      });
      return;
    }
    firstAt.set(id, position);
    const input = byId.get(id);
    if (!input) {
      out.push({
        kind: 'unknown-program',
        severity: 'problem',
        position,
        programId: id,
        message: `No program with ACGME ID ${id} is in the list.`,
      });
      return;
    }
    const log = verified?.get(id);
    const program = log ? applyVerifications(input, log) : input;
    const name = program.name;

    if (entry.unhappy) {
      out.push({
        kind: 'unhappy',
        severity: 'warning',
        position,
        programId: id,
        message: `You marked ${name} as a place where you would be unhappy. A match is binding: leave it off unless you would truly accept it.`,
      });
    }

    if (isModelledTrack(program.track)) {
      const eligibility = eligibilityOf(profile, program, ctx.model, year);
      for (const r of eligibility.reasons) {
        const visa = r.fact === 'j1' || r.fact === 'h1b' || r.fact === 'step3';
        if (r.effect === 'excludes') {
          out.push({
            kind: visa ? 'visa-impossible' : 'excluded',
            severity: 'problem',
            position,
            programId: id,
            message: visa
              ? `${r.message} Matching there would leave you without a visa: leave it off.`
              : `${r.message} Leave it off unless the program confirms in writing that it will consider you.`,
          });
        } else if (visa) {
          out.push({
            kind: 'visa-uncertain',
            severity: 'warning',
            position,
            programId: id,
            message: `${r.message} Confirm in writing before you rank it${r.question ? `: "${r.question}"` : '.'}`,
          });
        }
      }
    }

    const pathway = irPathwayOf(program);
    if (pathway === 'ir-integrated' && firstDr !== null) {
      out.push({
        kind: 'ir-after-dr',
        severity: 'note',
        position,
        programId: id,
        message: `This IR–Integrated program comes after the DR program ${firstDr.name} (position ${firstDr.position}). If IR is your goal, the usual order puts IR–Integrated programs first, unless you truly prefer that DR program.`,
      });
    }
    if (pathway === 'dr-with-ir-integrated' && firstOtherDr !== null) {
      out.push({
        kind: 'ir-pathway-after-other-dr',
        severity: 'note',
        position,
        programId: id,
        message: `This DR program has an IR–Integrated program at the same institution, a strong route into IR, yet comes after ${firstOtherDr.name} (position ${firstOtherDr.position}), which has none. Rank it higher unless you truly prefer the other one.`,
      });
    }
    if (pathway === 'dr-with-ir-integrated' || pathway === 'dr-other') firstDr ??= { position, name };
    if (pathway === 'dr-other') firstOtherDr ??= { position, name };
  });

  const ranked = firstAt.size;
  const fee = nrmpRankFee(ranked, ctx.model);
  if (fee > 0) {
    out.push({
      kind: 'rank-fee',
      severity: 'note',
      position: null,
      programId: null,
      message: `Ranking ${ranked} programs costs $${fee} in NRMP fees for the ranks beyond the first ${ctx.model.fees.nrmpIncludedRanks} (check the current fee).`,
    });
  }
  return out;
}
