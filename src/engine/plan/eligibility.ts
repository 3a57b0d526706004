/**
 * Whether an applicant can be considered by a program, from the program's known policy facts:
 * a known "no" excludes, an unknown visa policy makes the program uncertain (with the national
 * share and the exact question to ask), and everything else known "yes" leaves it eligible.
 */
import { yearOf, type EngineContext } from '../model/context';
import { param, type Model } from '../model/model';
import type { PolicyFactKey, Program } from '../data/program';
import type { Profile } from '../profile/profile';
import { applyVerifications } from '../planner/verification';

/** The three outcomes. */
export type EligibilityStatus = 'eligible' | 'ineligible' | 'uncertain';

/** One reason behind an eligibility outcome. */
export interface EligibilityReason {
  /** The program fact (or "step3" for the applicant's own H-1B requirement). */
  readonly fact: PolicyFactKey | 'step3' | 'graduationYear';
  /** Whether it excludes the program or leaves it uncertain. */
  readonly effect: 'excludes' | 'uncertain';
  /** What the reason is, in plain words. */
  readonly message: string;
  /** The exact question to ask the program, when asking would settle it. */
  readonly question?: string;
  /** National share (0–1) of programs with that policy, when the fact is unknown. */
  readonly nationalShare?: number;
}

/** Eligibility of one applicant for one program. */
export interface Eligibility {
  /** Eligible, ineligible or uncertain. */
  readonly status: EligibilityStatus;
  /** Multiplier on the interview chance: 0 if excluded, the national share for an unknown visa, else 1. */
  readonly factor: number;
  /** Every reason, excluding ones first. */
  readonly reasons: readonly EligibilityReason[];
  /** The questions to ask the program, in order, without repeats. */
  readonly questions: readonly string[];
}

const ELIGIBLE: Eligibility = Object.freeze({ status: 'eligible', factor: 1, reasons: [], questions: [] });

/** Years since graduation for a given year, or null when the graduation year is not entered. */
export function yearsSinceGraduation(profile: Profile, todayYear: number): number | null {
  return profile.graduationYear === null ? null : Math.max(0, todayYear - profile.graduationYear);
}

/** Failed USMLE attempts: a Step 1 failure plus every Step 2 CK attempt beyond the first. */
export function failedAttempts(profile: Profile): number {
  return (profile.step1 === 'passed-after-failure' ? 1 : 0) + (profile.step2.attempts - 1);
}

/** Eligibility with the user's verifications applied first (see `applyVerifications`). */
export function eligibilityFor(profile: Profile, program: Program, ctx: EngineContext): Eligibility {
  const p = ctx.verifications ? applyVerifications(program, ctx.verifications) : program;
  return eligibilityOf(profile, p, ctx.model, yearOf(ctx.today));
}

/** Eligibility from the program's facts as given (verifications already applied), for a known year. */
export function eligibilityOf(profile: Profile, program: Program, model: Model, todayYear: number): Eligibility {
  const reasons: EligibilityReason[] = [];
  let factor = visa(profile, program, model, reasons);
  graduation(profile, program, model, todayYear, reasons);
  step2Minimum(profile, program, reasons);
  attempts(profile, program, reasons);
  usce(profile, program, reasons);
  if (reasons.length === 0) return ELIGIBLE;

  const excluded = reasons.some((r) => r.effect === 'excludes');
  if (excluded) {
    factor = 0;
    reasons.sort((a, b) => (a.effect === b.effect ? 0 : a.effect === 'excludes' ? -1 : 1));
  }
  const questions: string[] = [];
  for (const r of reasons) if (r.question !== undefined && !questions.includes(r.question)) questions.push(r.question);
  return { status: excluded ? 'ineligible' : 'uncertain', factor, reasons, questions };
}

// Returns the eligibility factor the visa leaves (1, a national share, or 0).
function visa(profile: Profile, program: Program, model: Model, out: EligibilityReason[]): number {
  const need = profile.visa;
  if (need === 'none') return 1;
  const j1 = program.facts.j1;
  const h1b = program.facts.h1b;
  const { j1: j1Share, h1b: h1bShare } = model.visaShare;
  const survey = (name: string, s: typeof j1Share) =>
    `Nationally, ${s.percent}% of DR programs that answered a ${s.year} survey sponsor the ${name}.`;
  const askJ1 = 'Does your program sponsor the J-1 visa (through ECFMG) for residents?';
  const askH1b = 'Does your program sponsor H-1B visas for residents, and do you require Step 3 before ranking?';
  const askEither = 'Does your program sponsor J-1 (ECFMG) or H-1B visas for residents, and which?';

  let factor = 1;
  let h1bRoute = false;
  if (need === 'j1') {
    if (j1.value === false) {
      out.push({ fact: 'j1', effect: 'excludes', message: 'This program does not sponsor the J-1 visa you need.' });
      return 0;
    }
    if (j1.value === 'unknown') {
      out.push({
        fact: 'j1',
        effect: 'uncertain',
        message: `Whether this program sponsors the J-1 visa is unknown. ${survey('J-1', j1Share)}`,
        question: askJ1,
        nationalShare: j1Share.share,
      });
      factor = j1Share.share;
    }
  } else if (need === 'h1b') {
    if (h1b.value === false) {
      out.push({ fact: 'h1b', effect: 'excludes', message: 'This program does not sponsor the H-1B visa you need.' });
      return 0;
    }
    h1bRoute = true;
    if (h1b.value === 'unknown') {
      out.push({
        fact: 'h1b',
        effect: 'uncertain',
        message: `Whether this program sponsors the H-1B visa is unknown. ${survey('H-1B', h1bShare)}`,
        question: askH1b,
        nationalShare: h1bShare.share,
      });
      factor = h1bShare.share;
    }
  } else {
    if (j1.value === false && h1b.value === false) {
      out.push({
        fact: 'j1',
        effect: 'excludes',
        message: 'This program sponsors neither the J-1 nor the H-1B visa.',
      });
      return 0;
    }
    h1bRoute = j1.value === false;
    if (j1.value !== true && h1b.value !== true) {
      // Both open questions: the likelier visa's share. Programs that sponsor H-1B nearly always
      // sponsor J-1 too, so the J-1 share is the better estimate when both are unknown.
      const share = j1.value === false ? h1bShare : j1Share;
      const fact = j1.value === false ? 'h1b' : 'j1';
      const unknownBoth = j1.value === 'unknown' && h1b.value === 'unknown';
      out.push({
        fact,
        effect: 'uncertain',
        message: unknownBoth
          ? `Whether this program sponsors the J-1 or the H-1B visa is unknown. ${survey('J-1', j1Share)} ${survey('H-1B', h1bShare)}`
          : j1.value === false
            ? `This program does not sponsor the J-1 visa, and whether it sponsors the H-1B is unknown. ${survey('H-1B', h1bShare)}`
            : `This program does not sponsor the H-1B visa, and whether it sponsors the J-1 is unknown. ${survey('J-1', j1Share)}`,
        question: unknownBoth ? askEither : j1.value === false ? askH1b : askJ1,
        nationalShare: share.share,
      });
      factor = share.share;
    }
  }
  if (h1bRoute && profile.step3 === 'no') {
    out.push({
      fact: 'step3',
      effect: 'uncertain',
      message:
        'An H-1B for residency usually needs Step 3 passed before the visa is filed, and you have not planned Step 3. Plan to pass it before ranking, or ask about the J-1.',
      question: 'Do you require Step 3 before ranking an applicant who needs an H-1B visa?',
    });
  }
  return factor;
}

function graduation(
  profile: Profile,
  program: Program,
  model: Model,
  todayYear: number,
  out: EligibilityReason[],
): void {
  const fact = program.facts.maxYearsSinceGraduation;
  if (fact.value === 'none') return;
  const years = yearsSinceGraduation(profile, todayYear);
  if (years === null) {
    if (fact.value !== 'unknown') {
      out.push({
        fact: 'graduationYear',
        effect: 'uncertain',
        message: `This program accepts graduates of the last ${fact.value} years; enter your graduation year to check.`,
      });
    }
    return;
  }
  if (fact.value === 'unknown') {
    const askAfter = param(model, 'eligibility.ask-graduation-after-years');
    if (years > askAfter) {
      out.push({
        fact: 'maxYearsSinceGraduation',
        effect: 'uncertain',
        message: `You graduated ${years} years ago and this program's graduation-year cutoff is unknown; many programs accept only graduates of the last few years.`,
        question: `Do you consider applicants who graduated from medical school in ${profile.graduationYear} (${years} years ago)?`,
      });
    }
    return;
  }
  if (years > fact.value) {
    out.push({
      fact: 'maxYearsSinceGraduation',
      effect: 'excludes',
      message: `This program accepts graduates of the last ${fact.value} years; you graduated ${years} years ago.`,
    });
  }
}

function step2Minimum(profile: Profile, program: Program, out: EligibilityReason[]): void {
  const fact = program.facts.step2Minimum;
  if (fact.value === 'unknown' || fact.value === 'none') return;
  const score = profile.step2.score;
  if (score === 'not-taken') {
    out.push({
      fact: 'step2Minimum',
      effect: 'uncertain',
      message: `This program asks for a Step 2 CK score of at least ${fact.value}; you have no score yet.`,
    });
  } else if (score < fact.value) {
    out.push({
      fact: 'step2Minimum',
      effect: 'excludes',
      message: `This program asks for a Step 2 CK score of at least ${fact.value}; yours is ${score}.`,
    });
  }
}

function attempts(profile: Profile, program: Program, out: EligibilityReason[]): void {
  const failures = failedAttempts(profile);
  if (failures === 0) return;
  const fact = program.facts.attempts;
  const which =
    profile.step1 === 'passed-after-failure' && profile.step2.attempts > 1
      ? 'a failed Step 1 and Step 2 CK attempt'
      : profile.step1 === 'passed-after-failure'
        ? 'a failed Step 1 attempt'
        : 'a failed Step 2 CK attempt';
  if (fact.value === 'unknown') {
    out.push({
      fact: 'attempts',
      effect: 'uncertain',
      message: `You have ${failures === 1 ? 'one failed USMLE attempt' : `${failures} failed USMLE attempts`} and this program's policy on attempts is unknown.`,
      question: `Do you consider applicants with ${which}?`,
    });
  } else if (fact.value === 'first-attempt-only' || (fact.value === 'one-failure-considered' && failures > 1)) {
    out.push({
      fact: 'attempts',
      effect: 'excludes',
      message:
        fact.value === 'first-attempt-only'
          ? 'This program considers only applicants who passed every USMLE exam on the first attempt.'
          : `This program considers at most one failed USMLE attempt; you have ${failures}.`,
    });
  }
}

function usce(profile: Profile, program: Program, out: EligibilityReason[]): void {
  const fact = program.facts.usce;
  if (fact.value !== 'required') return;
  const { handsOn, externship, observership } = profile.usExperience;
  if (handsOn + externship + observership === 0) {
    out.push({
      fact: 'usce',
      effect: 'excludes',
      message: 'This program requires US clinical experience; you have none yet.',
    });
  } else if (handsOn + externship === 0) {
    out.push({
      fact: 'usce',
      effect: 'uncertain',
      message:
        'This program requires US clinical experience, and you have observerships only; many programs do not count them.',
      question: 'Does an observership count as US clinical experience for your program?',
    });
  }
}
