/**
 * What the planner shows, decided here so the island only renders: result filters, grouping by
 * band and sorting, the programs each plan names and why, the programs to ask first with an email to
 * send, the numbers for My list (interviews, P(at least k), match chance, fees), the CSV rows, the
 * verification form and the formatting of chances and ranges ("11%, plausible from 7% to 16%").
 */
import { z } from '../util/zod';
import type { ProgramResult } from '../plan/evaluate';
import { param, type Model, type ModelledTrack, type Range } from '../model/model';
import { erasFees, nrmpRankFee, type TrackPlan } from '../plan/plan';
import type { MyListEntry, CsvRow } from './planner-state';
import { summarizePortfolio, type PortfolioSummary, type ProgramOdds } from '../model/portfolio';
import { FACT_COPY, TRACK_LABEL, formatFactValue } from '../data/dataset';
import {
  acgmeIdSchema,
  isoDateSchema,
  POLICY_FACT_KEYS,
  UNKNOWN,
  type PolicyFactKey,
  type Program,
} from '../data/program';
import type { RankEntry } from '../plan/rank-list';
import { TRACK_NAME } from '../model/score';
import { BAND_WORDS, irTrainingAt, type ChanceBand, type IrPathwayRating, type ProgramTier } from '../plan/tiers';
import type { AskFirstEntry } from '../plan/ask-first';
import { visaOutlook } from '../plan/eligibility';
import type { VisaNeed } from '../profile/profile';
import { VERIFIED_PREFIX, verificationEntrySchema, type VerificationEntry } from './verification';
import { compareCode, compareText, groupThousands } from '../util/format';

/** Bands in the order the planner lists them: best chance first, excluded last. */
export const BAND_ORDER: readonly ChanceBand[] = ['likely', 'target', 'reach', 'excluded'];

/** Band names as shown: Long shot, Realistic, Strong, Excluded (tiers.ts `BAND_WORDS`). */
export const BAND_LABEL: Readonly<Record<ChanceBand, string>> = {
  likely: BAND_WORDS.likely.name,
  target: BAND_WORDS.target.name,
  reach: BAND_WORDS.reach.name,
  excluded: BAND_WORDS.excluded.name,
};

/** What a band means per application: its thresholds (model.json) and the guide's words, e.g. "Central chance under 4% per application: fewer than 1 in 25 …". */
export function bandMeaning(band: ChanceBand, model: Model): string {
  const reach = formatPct(param(model, 'band.reach-below'));
  const likely = formatPct(param(model, 'band.likely-from'));
  const limits: Record<ChanceBand, string> = {
    likely: `Central chance of ${likely} or more per application`,
    target: `Central chance from ${reach} to under ${likely} per application`,
    reach: `Central chance under ${reach} per application`,
    excluded: 'No chance',
  };
  return `${limits[band]}: ${BAND_WORDS[band].meaning}.`;
}

/** The filters and sort order of the result list. */
export const resultFiltersSchema = z.object({
  /** Free text, matched by fuse.js in the browser. */
  query: z._default(z.string().check(z.maxLength(100)), ''),
  /** Track, or "" for both. */
  track: z._default(z.enum(['', 'dr', 'ir-integrated']), ''),
  /** Census region, or "" for all. */
  region: z._default(z.string().check(z.maxLength(20)), ''),
  /** USPS state code, or "" for all. */
  state: z._default(z.string().check(z.maxLength(2)), ''),
  /** Band, or "" for all. */
  band: z._default(z.enum(['', 'likely', 'target', 'reach', 'excluded']), ''),
  /** Eligibility, or "" for all. */
  eligibility: z._default(z.enum(['', 'eligible', 'uncertain', 'ineligible']), ''),
  /** Only programs on the tracks the profile wants. */
  wantedOnly: z._default(z.boolean(), true),
  /** Only programs in the preferred regions or states. */
  preferredOnly: z._default(z.boolean(), false),
  /** Sort within each band. */
  sort: z._default(z.enum(['chance', 'name', 'state']), 'chance'),
});
export type ResultFilters = z.infer<typeof resultFiltersSchema>;

/** No filter, best chance first. */
export function defaultResultFilters(): ResultFilters {
  return resultFiltersSchema.parse({});
}

/** One band of the filtered list. */
export interface ResultGroup {
  /** The band. */
  readonly band: ChanceBand;
  /** Program ids in display order. */
  readonly ids: readonly string[];
}

function passes(r: ProgramResult, f: ResultFilters, textMatches: ReadonlySet<string> | null): boolean {
  if (f.wantedOnly && !r.wanted) return false;
  if (f.preferredOnly && !r.preferred) return false;
  if (f.track && r.track !== f.track) return false;
  if (f.region && r.program.region !== f.region) return false;
  if (f.state && r.program.state !== f.state) return false;
  if (f.band && r.band !== f.band) return false;
  if (f.eligibility && r.status !== f.eligibility) return false;
  return f.query.trim() === '' || textMatches === null || textMatches.has(r.programId);
}

function compareBy(sort: ResultFilters['sort']): (a: ProgramResult, b: ProgramResult) => number {
  const byName = (a: ProgramResult, b: ProgramResult) =>
    compareText(a.program.name, b.program.name) ||
    compareCode(a.track, b.track) ||
    compareCode(a.programId, b.programId);
  if (sort === 'name') return byName;
  if (sort === 'state') return (a, b) => compareCode(a.program.state, b.program.state) || byName(a, b);
  return (a, b) => b.chance.central - a.chance.central || Number(b.preferred) - Number(a.preferred) || byName(a, b);
}

/**
 * The results to show, grouped by band in BAND_ORDER (empty bands left out) and sorted within each.
 * `textMatches` holds the ids fuse.js matched for the query, or null while the index loads (the
 * query is then ignored).
 */
export function groupResults(
  results: readonly ProgramResult[],
  filters: ResultFilters,
  textMatches: ReadonlySet<string> | null,
): ResultGroup[] {
  const shown = results.filter((r) => passes(r, filters, textMatches)).sort(compareBy(filters.sort));
  return BAND_ORDER.map((band) => ({ band, ids: shown.filter((r) => r.band === band).map((r) => r.programId) })).filter(
    (g) => g.ids.length > 0,
  );
}

/** A chance as a whole percentage; under 1% reads "<1%" rather than a misleading 0%. */
export function formatPct(p: number): string {
  if (p > 0 && p < 0.005) return '<1%';
  return `${Math.round(p * 100)}%`;
}

/** A chance range, compact, e.g. "5% (3%–8%)" (the CSV export). */
export function formatChance(r: Range): string {
  const low = formatPct(r.low);
  const high = formatPct(r.high);
  return low === high ? formatPct(r.central) : `${formatPct(r.central)} (${low}–${high})`;
}

/** An expected count range, compact, e.g. "5.0 (3.1–8.0)". */
export function formatCountRange(r: Range): string {
  return `${r.central.toFixed(1)} (${r.low.toFixed(1)}–${r.high.toFixed(1)})`;
}

/** A count with one decimal, e.g. "5.0". */
export const formatCount = (x: number): string => x.toFixed(1);

/**
 * A range in words, e.g. "plausible from 3% to 8%", with `format` for each end (percentages by
 * default); "" when both ends read the same. "<1%" reads "under 1%".
 */
export function formatPlausible(r: Range, format: (x: number) => string = formatPct): string {
  const low = format(r.low).replace('<', 'under ');
  const high = format(r.high).replace('<', 'under ');
  return low === high ? '' : `plausible from ${low} to ${high}`;
}

/** The central figure a person acts on, then the range in words: "5%, plausible from 3% to 8%". */
export function formatEstimate(r: Range, format: (x: number) => string = formatPct): string {
  const range = formatPlausible(r, format);
  return range ? `${format(r.central)}, ${range}` : format(r.central);
}

/** US dollars without cents. */
export function formatDollars(amount: number): string {
  return `$${groupThousands(Math.round(amount))}`;
}

/** One term and its value in a list of facts. */
export interface Fact {
  /** What is measured. */
  readonly term: string;
  /** Its value, formatted: the central figure when there is a range. */
  readonly detail: string;
  /** The range in words ("plausible from … to …"), when the value has one. */
  readonly range?: string;
}

/** A percentage fact: the central figure, then the range in words. */
function chanceFact(term: string, r: Range): Fact {
  return { term, detail: formatPct(r.central), range: formatPlausible(r) };
}

/** A count fact (expected interviews): the central figure, then the range in words. */
function countFact(term: string, r: Range): Fact {
  return { term, detail: formatCount(r.central), range: formatPlausible(r, formatCount) };
}

/**
 * The facts of a track's plan: the recommended applications, and, apart, what applying to every
 * program open to the applicant would give when the plan says to strengthen first (it recommends none).
 */
export function planFacts(plan: TrackPlan): {
  readonly recommended: readonly Fact[];
  readonly ifAll: { readonly heading: string; readonly facts: readonly Fact[] } | null;
} {
  const n = plan.targetInterviews;
  const chanceTerm = `Chance of at least ${n}`;
  if (plan.status !== 'strengthen-first') {
    return {
      recommended: [
        { term: 'Applications recommended', detail: `${plan.recommendedCount} of ${plan.candidates} open to you` },
        countFact('Expected interviews', plan.atRecommended.expected),
        chanceFact(chanceTerm, plan.atRecommended.atLeast),
        { term: 'ERAS fee', detail: formatDollars(plan.erasFee) },
      ],
      ifAll: null,
    };
  }
  const all = plan.atAllCandidates;
  return {
    recommended: [
      { term: 'Applications recommended', detail: `None for now (${plan.candidates} open to you)` },
      { term: 'ERAS fee', detail: formatDollars(plan.erasFee) },
    ],
    ifAll: {
      heading: `If you applied to all ${all.count} ${TRACK_NAME[plan.track]} programs anyway`,
      facts: [
        countFact('Expected interviews', all.expected),
        chanceFact(chanceTerm, all.atLeast),
        { term: 'ERAS fee for all of them', detail: formatDollars(all.erasFee) },
      ],
    },
  };
}

/** What a list of applications adds up to: expected interviews, match chance, no interview at all, fees. */
export function portfolioFacts(portfolio: PortfolioSummary, fees: { readonly total: number }): Fact[] {
  return [
    chanceFact('Chance to match', portfolio.matchChance),
    countFact('Expected interviews', portfolio.expected),
    chanceFact('No interview at all', portfolio.noInterview),
    { term: 'Fees', detail: formatDollars(fees.total) },
  ];
}

/** A note on the recommended applications together when a plan leaves its track out, or null. */
export function recommendedNote(plans: readonly TrackPlan[], applications: number): string | null {
  const strengthen = plans.filter((p) => p.status === 'strengthen-first').map((p) => TRACK_NAME[p.track]);
  if (applications === 0)
    return strengthen.length > 0
      ? 'No applications are recommended for now: strengthen your application first (see what would help most above).'
      : 'No program is open to you on the tracks you chose, so there is nothing to add up.';
  if (strengthen.length === 0) return null;
  return `${strengthen.join(' and ')} ${strengthen.length === 1 ? 'is' : 'are'} left out: the plan says to strengthen first there.`;
}

/** "Tier 2", or "Tier 2 (likely: setting not yet known)" when the tier is the most likely one. */
export function tierLabel(tier: Pick<ProgramTier, 'tier' | 'likely'>): string {
  return tier.likely ? `Tier ${tier.tier} (likely: setting not yet known)` : `Tier ${tier.tier}`;
}

/** The IR pathway rating in words, with what it rests on. */
export const IR_PATHWAY_WORDS: Readonly<Record<IrPathwayRating, { readonly name: string; readonly meaning: string }>> =
  {
    strong: { name: 'IR pathway: strong', meaning: 'IR–Integrated at the institution and a second IR route' },
    moderate: { name: 'IR pathway: moderate', meaning: 'one IR training route at the institution' },
    limited: { name: 'IR pathway: limited', meaning: 'no IR training program known at the institution' },
  };

/** The IR training programs at the institution, e.g. "IR–Integrated and ESIR", or "" when none is known. */
export function irRoutesText(program: Program): string {
  const t = irTrainingAt(program);
  const routes = [t.integrated && 'IR–Integrated', t.independent && 'IR–Independent', t.esir && 'ESIR'].filter(
    (x): x is string => typeof x === 'string',
  );
  return routes.join(' and ').replace(/ and (?=.* and )/, ', ');
}

const VISA_NAME = { j1: 'J-1', h1b: 'H-1B' } as const;

/**
 * Why a program is in the plan, in one line: its chance, whether it takes the applicant's visa (stated,
 * confirmed by the user, or still to ask), the preferred area and IR training at the institution —
 * what the plan's order weighs (see ask-first.ts `planGain`).
 */
export function planReason(r: ProgramResult, visa: VisaNeed, model: Model): string {
  const chance = formatEstimate(r.chance);
  const parts = [
    r.band === 'likely'
      ? `A strong chance per application (${chance})`
      : r.band === 'target'
        ? `A realistic chance per application (${chance})`
        : `A long shot (${chance}) that still adds to your interview count`,
  ];
  const open = r.eligibility.reasons.find((x) => (x.fact === 'j1' || x.fact === 'h1b') && x.effect === 'uncertain');
  if (open && (open.fact === 'j1' || open.fact === 'h1b')) {
    parts.push(
      `${VISA_NAME[open.fact]} not yet confirmed (counted as ${formatPct(open.nationalShare ?? 0)}): ask them`,
    );
  } else if (visa !== 'none') {
    const which = visa === 'either' ? (visaOutlook(r.program, 'j1', model).kind === 'yes' ? 'j1' : 'h1b') : visa;
    const fact = r.program.facts[which];
    parts.push(
      fact.source.startsWith(VERIFIED_PREFIX)
        ? `you confirmed it sponsors the ${VISA_NAME[which]}`
        : `sponsors the ${VISA_NAME[which]}, by its own statement`,
    );
  }
  if (r.preferred) parts.push('in your preferred area');
  const routes = irRoutesText(r.program);
  if (r.track === 'dr' && routes) parts.push(`IR training at the institution (${routes})`);
  return `${parts.join('; ')}.`;
}

/** One program the plan names, as shown. */
export interface PlanProgramRow {
  /** ACGME ID. */
  readonly id: string;
  /** Program name. */
  readonly name: string;
  /** "City, ST". */
  readonly place: string;
  /** Central chance per application, e.g. "11%". */
  readonly chance: string;
  /** Its range in words, e.g. "plausible from 7% to 16%". */
  readonly range: string;
  /** The band. */
  readonly band: ChanceBand;
  /** "Tier 2" or "Tier 2 (likely: setting not yet known)". */
  readonly tier: string;
  /** The IR pathway rating. */
  readonly irPathway: IrPathwayRating;
  /** Why it is in the plan, one line. */
  readonly reason: string;
}

/** The programs a track's plan recommends, in plan order, with why each is there. */
export function planProgramRows(
  plan: TrackPlan,
  resultsById: ReadonlyMap<string, ProgramResult>,
  visa: VisaNeed,
  model: Model,
): PlanProgramRow[] {
  const rows: PlanProgramRow[] = [];
  for (const id of plan.programIds) {
    const r = resultsById.get(id);
    if (!r) continue;
    rows.push({
      id,
      name: r.program.name,
      place: `${r.program.city}, ${r.program.state}`,
      chance: formatPct(r.chance.central),
      range: formatPlausible(r.chance),
      band: r.band,
      tier: tierLabel(r.tier),
      irPathway: r.irPathway,
      reason: planReason(r, visa, model),
    });
  }
  return rows;
}

/** An email to a program coordinator: subject and body. */
export interface AskEmail {
  /** Subject line. */
  readonly subject: string;
  /** Body, with placeholders for the sender's name and AAMC ID. */
  readonly body: string;
}

/**
 * A short, polite email asking a program its questions, as the guide's visa chapter advises: to the
 * program coordinator, plain and exact questions, nothing else.
 */
export function askEmail(program: Pick<Program, 'name' | 'track'>, questions: readonly string[]): AskEmail {
  const residency = `${TRACK_LABEL[program.track]} residency`;
  const asks = questions.length === 1 ? `${questions[0] ?? ''}` : questions.map((q, i) => `${i + 1}. ${q}`).join('\n');
  return {
    subject: `Visa question from an international applicant: ${residency}, ${program.name}`,
    body: [
      'Dear Program Coordinator,',
      `I am an international medical graduate planning to apply to the ${residency} at ${program.name} this season. Before I apply, could you please tell me:`,
      asks,
      'A short answer would help me a great deal. Thank you for your time.',
      'Kind regards,\n[Your name]\n[Your AAMC ID, if you have one]',
    ].join('\n\n'),
  };
}

/** One program to ask first, as shown. */
export interface AskFirstRow {
  /** ACGME ID. */
  readonly id: string;
  /** Program name. */
  readonly name: string;
  /** "DR · City, ST". */
  readonly where: string;
  /** Central chance per application now, with the visa prior. */
  readonly now: string;
  /** Central chance per application if they confirm the visa. */
  readonly ifYes: string;
  /** Whether it is in the recommended plan already. */
  readonly inPlan: boolean;
  /** The questions to ask, visa first. */
  readonly questions: readonly string[];
  /** The email to send. */
  readonly email: AskEmail;
}

/** The engine's "ask first" list as rows, with an email per program. */
export function askFirstRows(
  entries: readonly AskFirstEntry[],
  resultsById: ReadonlyMap<string, ProgramResult>,
): AskFirstRow[] {
  const rows: AskFirstRow[] = [];
  for (const e of entries) {
    const r = resultsById.get(e.programId);
    if (!r) continue;
    rows.push({
      id: e.programId,
      name: r.program.name,
      where: `${TRACK_NAME[r.track]} · ${r.program.city}, ${r.program.state}`,
      now: formatPct(e.chanceNow),
      ifYes: formatPct(e.chanceIfYes),
      inPlan: e.inPlan,
      questions: e.questions,
      email: askEmail(r.program, e.questions),
    });
  }
  return rows;
}

/** The numbers for My list: what applying to it adds up to, and what it costs. */
export interface MyListSummary {
  /** Programs on the list. */
  readonly count: number;
  /** Programs counted in the numbers (on a scored track and not excluded). */
  readonly counted: number;
  /** Programs left out of the numbers because a known policy excludes the applicant. */
  readonly excludedIds: readonly string[];
  /** Programs the model does not score or that are no longer in the dataset. */
  readonly unscoredIds: readonly string[];
  /** Counted programs per track. */
  readonly perTrack: Readonly<Record<ModelledTrack, number>>;
  /** Interviews, P(at least k) and match chance for the counted programs. */
  readonly portfolio: PortfolioSummary;
  /** ERAS fees for applying to the counted programs, and NRMP fees for ranking the expected interviews. */
  readonly fees: {
    readonly eras: Readonly<Record<ModelledTrack, number>>;
    readonly erasTotal: number;
    readonly nrmp: { readonly ranks: number; readonly fee: number };
    readonly total: number;
  };
}

/** Sums up My list from the current results. */
export function myListSummary(
  list: readonly MyListEntry[],
  resultsById: ReadonlyMap<string, ProgramResult>,
  model: Model,
): MyListSummary {
  const chances: ProgramOdds[] = [];
  const excludedIds: string[] = [];
  const unscoredIds: string[] = [];
  const perTrack: Record<ModelledTrack, number> = { dr: 0, 'ir-integrated': 0 };
  for (const entry of list) {
    const r = resultsById.get(entry.id);
    if (!r) unscoredIds.push(entry.id);
    else if (r.status === 'ineligible') excludedIds.push(entry.id);
    else {
      chances.push(r.odds);
      perTrack[r.track] += 1;
    }
  }
  const portfolio = summarizePortfolio(chances, model);
  const eras = erasFees(perTrack, model);
  const ranks = Math.round(portfolio.expected.central);
  const nrmp = { ranks, fee: nrmpRankFee(ranks, model) };
  return {
    count: list.length,
    counted: chances.length,
    excludedIds,
    unscoredIds,
    perTrack,
    portfolio,
    fees: { eras: eras.perTrack, erasTotal: eras.total, nrmp, total: eras.total + nrmp.fee },
  };
}

/** My list as rank entries for `checkRankList`. */
export function rankEntriesOf(list: readonly MyListEntry[]): RankEntry[] {
  return list.map((e) => ({ programId: e.id, unhappy: e.unhappy }));
}

const STATUS_WORDS = { eligible: 'Eligible', uncertain: 'Uncertain', ineligible: 'Ineligible' } as const;

/** The CSV rows of My list, in rank order, from the current results. */
export function csvRowsOf(list: readonly MyListEntry[], resultsById: ReadonlyMap<string, ProgramResult>): CsvRow[] {
  return list.map((entry, i) => {
    const r = resultsById.get(entry.id);
    return {
      rank: i + 1,
      id: entry.id,
      name: r?.program.name ?? 'Not in the current dataset',
      track: r ? TRACK_NAME[r.track] : '',
      city: r?.program.city ?? '',
      state: r?.program.state ?? '',
      eligibility: r ? STATUS_WORDS[r.status] : '',
      chance: r ? formatChance(r.chance) : '',
      band: r ? BAND_LABEL[r.band] : '',
      note: entry.note,
    };
  });
}

/** The verification form as typed. */
export const verificationFormSchema = z.object({
  programId: z._default(z.string().check(z.maxLength(20)), ''),
  fact: z._default(z.enum(['j1', 'h1b', 'maxYearsSinceGraduation', 'step2Minimum']), 'j1'),
  /** "yes"/"no" for visas; a number or "none" for the cutoff and the minimum. */
  value: z._default(z.string().check(z.maxLength(20)), ''),
  date: z._default(z.string().check(z.maxLength(20)), ''),
  how: z._default(z.string().check(z.maxLength(300)), ''),
});
export type VerificationForm = z.infer<typeof verificationFormSchema>;
export type VerificationFormField = keyof VerificationForm;

/** A blank verification form dated `today`. */
export function defaultVerificationForm(today: string): VerificationForm {
  return verificationFormSchema.parse({ date: today });
}

/** The choices of the value field for a fact. */
export function verificationValueChoices(fact: VerificationForm['fact']): { value: string; label: string }[] | null {
  if (fact === 'j1' || fact === 'h1b') {
    return [
      { value: 'yes', label: 'Yes, they sponsor it' },
      { value: 'no', label: 'No, they do not sponsor it' },
    ];
  }
  return null;
}

/**
 * Turns the verification form into a log entry, with a plain message per field when something is
 * wrong. `known` says whether an id is a program of the dataset; `today` bounds the date.
 */
export function verificationFromForm(
  form: VerificationForm,
  known: (id: string) => boolean,
  today: string,
): { ok: true; entry: VerificationEntry } | { ok: false; errors: Partial<Record<VerificationFormField, string>> } {
  const errors: Partial<Record<VerificationFormField, string>> = {};
  const id = form.programId.trim();
  if (!acgmeIdSchema.safeParse(id).success || !known(id)) errors.programId = 'Choose a program from the list';
  const date = form.date.trim();
  if (!isoDateSchema.safeParse(date).success || Number.isNaN(Date.parse(date)))
    errors.date = 'The date is written YYYY-MM-DD, e.g. 2026-09-15';
  else if (date > today) errors.date = 'The date cannot be in the future';
  const how = form.how.trim();
  if (how === '') errors.how = 'Say how you learned it, e.g. "email from the coordinator"';
  else if (how.length > 200) errors.how = 'Keep "how" to 200 characters';
  let value: boolean | number | 'none' | undefined;
  const v = form.value.trim().toLowerCase();
  if (form.fact === 'j1' || form.fact === 'h1b') {
    if (v === 'yes' || v === 'no') value = v === 'yes';
    else errors.value = 'Choose yes or no';
  } else {
    const max = form.fact === 'step2Minimum' ? 300 : 60;
    const min = form.fact === 'step2Minimum' ? 1 : 0;
    if (v === 'none') value = 'none';
    else if (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max) value = Number(v);
    else
      errors.value =
        form.fact === 'step2Minimum'
          ? 'Enter the minimum score (1 to 300), or "none" if they have no minimum'
          : 'Enter the cutoff in years (0 to 60), or "none" if they have no cutoff';
  }
  if (Object.keys(errors).length > 0 || value === undefined) return { ok: false, errors };
  const parsed = verificationEntrySchema.safeParse({ programId: id, fact: form.fact, value, date, how });
  if (!parsed.success) return { ok: false, errors: { value: parsed.error.issues[0]?.message ?? 'Check the value' } };
  return { ok: true, entry: parsed.data };
}

/** A verification entry's value in words. */
export function verificationValueText(entry: VerificationEntry): string {
  if (typeof entry.value === 'boolean') return entry.value ? 'Yes, sponsors' : 'No, does not sponsor';
  if (entry.value === 'none') return entry.fact === 'step2Minimum' ? 'No minimum' : 'No cutoff';
  return entry.fact === 'step2Minimum' ? `Minimum ${entry.value}` : `${entry.value} years`;
}

/** Fact names in the verification log. */
export const VERIFIABLE_FACT_LABEL: Readonly<Record<VerificationEntry['fact'], string>> = {
  j1: 'J-1 sponsorship',
  h1b: 'H-1B sponsorship',
  maxYearsSinceGraduation: 'Graduation-year cutoff',
  step2Minimum: 'Step 2 CK minimum',
};

/** The facts a user can settle by asking, in the order to ask them. */
const ASKABLE_FACTS = ['j1', 'h1b', 'maxYearsSinceGraduation', 'step2Minimum', 'attempts'] as const;

/** The program's unknown facts that decide eligibility, with the question to ask about each. */
export function unknownsToVerify(program: Program): { key: PolicyFactKey; label: string; question: string }[] {
  return ASKABLE_FACTS.filter((k) => program.facts[k].value === UNKNOWN).map((k) => ({ key: k, ...FACT_COPY[k] }));
}

/** "J-1 visa (ECFMG): Yes, sponsors — verified by you on …" for each fact the user verified. */
export function verifiedFactLines(program: Program): string[] {
  return POLICY_FACT_KEYS.filter((k) => program.facts[k].source.startsWith(VERIFIED_PREFIX)).map(
    (k) => `${FACT_COPY[k].label}: ${formatFactValue(k, program.facts[k].value)}, ${program.facts[k].source}`,
  );
}

const BAND_RANK: Readonly<Record<ChanceBand, number>> = { excluded: 0, reach: 1, target: 2, likely: 3 };

/** How many programs move to a better band and how many to a worse one. */
export function bandMoves(changes: readonly { from: ChanceBand; to: ChanceBand }[]): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const c of changes) {
    if (BAND_RANK[c.to] > BAND_RANK[c.from]) up++;
    else if (BAND_RANK[c.to] < BAND_RANK[c.from]) down++;
  }
  return { up, down };
}

/** What the fees are made of, in words, e.g. "ERAS $1,200 for 40 DR and 0 IR–Integrated applications; …". */
export function feeNote(
  fees: { readonly erasTotal: number; readonly nrmp: { readonly ranks: number; readonly fee: number } },
  model: Model,
  perTrack?: Readonly<Record<ModelledTrack, number>>,
): string {
  const eras = `ERAS ${formatDollars(fees.erasTotal)}${
    perTrack ? ` for ${perTrack.dr} DR and ${perTrack['ir-integrated']} IR–Integrated applications` : ''
  }`;
  const included = model.fees.nrmpIncludedRanks;
  const nrmp =
    fees.nrmp.fee > 0
      ? `NRMP ${formatDollars(fees.nrmp.fee)} for ranking about ${fees.nrmp.ranks} programs (the first ${included} come with registration)`
      : `no NRMP fee beyond registration, which covers up to ${included} ranks`;
  return `${eras}; ${nrmp}.`;
}
