/**
 * Whether an applicant can be considered by a program, from the program's known policy facts:
 * a known "no" excludes, an unknown visa policy makes the program uncertain (with the national
 * share and the exact question to ask), and everything else known "yes" leaves it eligible.
 */
import { yearOf, type EngineContext } from '../model/context';
import { param, paramIn, type Model, type ParameterId, type Range } from '../model/model';
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
  /** The chance (0–1) the program has that policy, when the fact is not settled (a national share or a prior). */
  readonly nationalShare?: number;
  /** Where that chance comes from, in words. */
  readonly priorBasis?: string;
}

/** Eligibility of one applicant for one program. */
export interface Eligibility {
  /** Eligible, ineligible or uncertain. */
  readonly status: EligibilityStatus;
  /** Multiplier on the interview chance: 0 if excluded, the chance it sponsors the visa when that is not settled, else 1. */
  readonly factor: number;
  /** The same multiplier per parameter set (a borrowed or assumed prior has a range). */
  readonly factorRange: Range;
  /** Every reason, excluding ones first. */
  readonly reasons: readonly EligibilityReason[];
  /** The questions to ask the program, in order, without repeats. */
  readonly questions: readonly string[];
}

const ELIGIBLE: Eligibility = Object.freeze({
  status: 'eligible',
  factor: 1,
  factorRange: Object.freeze({ low: 1, central: 1, high: 1 }),
  reasons: [],
  questions: [],
});

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
  imgConsidered(program, reasons);
  graduation(profile, program, model, todayYear, reasons);
  step2Minimum(profile, program, reasons);
  attempts(profile, program, reasons);
  usce(profile, program, reasons);
  if (reasons.length === 0) return ELIGIBLE;

  const excluded = reasons.some((r) => r.effect === 'excludes');
  if (excluded) {
    factor = NO;
    reasons.sort((a, b) => (a.effect === b.effect ? 0 : a.effect === 'excludes' ? -1 : 1));
  }
  const questions: string[] = [];
  for (const r of reasons) if (r.question !== undefined && !questions.includes(r.question)) questions.push(r.question);
  return {
    status: excluded ? 'ineligible' : 'uncertain',
    factor: factor.central,
    factorRange: factor,
    reasons,
    questions,
  };
}

/** What is known about one visa at one program, as a chance that it sponsors it. */
export interface VisaOutlook {
  /** Sourced yes (program scope or the user's own check), sourced no, or a prior chance. */
  readonly kind: 'yes' | 'no' | 'prior';
  /** Chance it sponsors the visa (1 yes, 0 no), per parameter set. */
  readonly chance: Range;
  /** Where the chance comes from, in words. */
  readonly basis: string;
}

const YES: Range = { low: 1, central: 1, high: 1 };
const NO: Range = { low: 0, central: 0, high: 0 };

/**
 * The chance a program sponsors a visa, from its fact: a sourced "no" is 0; a "yes" from the program's
 * own page (or the user's check) is 1; a "yes" stated only by the institution, "case by case", a DOL
 * H-1B filing, sources that disagree and plain unknown each take a prior from model.json. IR–Integrated
 * programs borrow the DR survey shares with a wider range.
 */
export function visaOutlook(program: Program, which: 'j1' | 'h1b', model: Model): VisaOutlook {
  const fact = program.facts[which];
  if (fact.value === false) return { kind: 'no', chance: NO, basis: `${fact.source} states it does not` };
  if (fact.value === true && fact.scope !== 'institution') return { kind: 'yes', chance: YES, basis: fact.source };
  const range = (id: ParameterId): Range => ({
    low: paramIn(model, id, 'low'),
    central: param(model, id),
    high: paramIn(model, id, 'high'),
  });
  if (fact.value === true) {
    return {
      kind: 'prior',
      chance: range('visa.institution-yes'),
      basis: 'its institution states it sponsors it; the program has not said so itself',
    };
  }
  if (fact.status === 'case-by-case') {
    return {
      kind: 'prior',
      chance: range(which === 'j1' ? 'visa.case-by-case.j1' : 'visa.case-by-case.h1b'),
      basis: 'its institution says each program decides',
    };
  }
  if (fact.status === 'dol-filing' && which === 'h1b') {
    return {
      kind: 'prior',
      chance: range('visa.dol-filing.h1b'),
      basis: 'its institution filed an H-1B application for a radiology resident in 2025 (US DOL)',
    };
  }
  const s = model.visaShare[which];
  const national = { low: s.share, central: s.share, high: s.share };
  const disagree = fact.status === 'disagree' ? 'its sources disagree, so ' : '';
  if (program.track === 'ir-integrated') {
    const w = param(model, 'visa.ir-prior-spread');
    return {
      kind: 'prior',
      chance: { low: Math.max(0, s.share - w), central: s.share, high: Math.min(1, s.share + w) },
      basis: `${disagree}the share of DR programs that sponsor it (${s.percent}%, ${s.year} survey), borrowed for IR–Integrated with a wider range`,
    };
  }
  return {
    kind: 'prior',
    chance: national,
    basis: `${disagree}the share of DR programs that sponsor it (${s.percent}%, ${s.year} survey)`,
  };
}

// Returns the eligibility factor range the visa leaves (1, a prior chance, or 0).
function visa(profile: Profile, program: Program, model: Model, out: EligibilityReason[]): Range {
  const need = profile.visa;
  if (need === 'none') return YES;
  const askJ1 = 'Does your program sponsor the J-1 visa (through ECFMG) for residents?';
  const askH1b = 'Does your program sponsor H-1B visas for residents, and do you require Step 3 before ranking?';
  const askEither = 'Does your program sponsor J-1 (ECFMG) or H-1B visas for residents, and which?';
  const name = (w: 'j1' | 'h1b') => (w === 'j1' ? 'J-1' : 'H-1B');
  const j1 = visaOutlook(program, 'j1', model);
  const h1b = visaOutlook(program, 'h1b', model);
  const uncertain = (which: 'j1' | 'h1b', o: VisaOutlook, message: string, question: string) =>
    out.push({
      fact: which,
      effect: 'uncertain',
      message,
      question,
      nationalShare: o.chance.central,
      priorBasis: o.basis,
    });
  const pct = (r: Range) => `${Math.round(r.central * 100)}%`;

  let h1bRoute = false;
  let factor = YES;
  if (need === 'j1' || need === 'h1b') {
    const o = need === 'j1' ? j1 : h1b;
    if (o.kind === 'no') {
      out.push({
        fact: need,
        effect: 'excludes',
        message: `This program does not sponsor the ${name(need)} visa you need.`,
      });
      return NO;
    }
    h1bRoute = need === 'h1b';
    if (o.kind === 'prior') {
      uncertain(
        need,
        o,
        `Whether this program sponsors the ${name(need)} visa is not settled: taken as ${pct(o.chance)}, because ${o.basis}.`,
        need === 'j1' ? askJ1 : askH1b,
      );
      factor = o.chance;
    }
  } else {
    if (j1.kind === 'no' && h1b.kind === 'no') {
      out.push({ fact: 'j1', effect: 'excludes', message: 'This program sponsors neither the J-1 nor the H-1B visa.' });
      return NO;
    }
    h1bRoute = j1.kind === 'no';
    if (j1.kind !== 'yes' && h1b.kind !== 'yes') {
      // Either visa will do: the program is open if it sponsors one of them. Programs that sponsor H-1B
      // nearly always sponsor J-1 too, so the likelier visa's chance is the estimate.
      const best = j1.kind === 'no' ? h1b : h1b.chance.central > j1.chance.central ? h1b : j1;
      const which = best === h1b ? 'h1b' : 'j1';
      const bothOpen = j1.kind === 'prior' && h1b.kind === 'prior';
      uncertain(
        which,
        best,
        bothOpen
          ? `Whether this program sponsors the J-1 or the H-1B visa is not settled: taken as ${pct(best.chance)}, because ${best.basis}.`
          : j1.kind === 'no'
            ? `This program does not sponsor the J-1 visa, and whether it sponsors the H-1B is not settled: taken as ${pct(h1b.chance)}, because ${h1b.basis}.`
            : `This program does not sponsor the H-1B visa, and whether it sponsors the J-1 is not settled: taken as ${pct(j1.chance)}, because ${j1.basis}.`,
        bothOpen ? askEither : which === 'h1b' ? askH1b : askJ1,
      );
      factor = best.chance;
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

function imgConsidered(program: Program, out: EligibilityReason[]): void {
  if (program.facts.imgConsidered.value !== false) return;
  out.push({
    fact: 'imgConsidered',
    effect: 'excludes',
    message: 'This program states it does not consider graduates of medical schools outside the US and Canada.',
  });
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
