/**
 * How much of the dataset the sources cover (build time, for `npm run data:check`): per policy fact and
 * track, how many programs have a known value, from which kind of source and for which scope; how many
 * are open because sources disagree, because the institution decides case by case, or because only a
 * DOL filing is on record; and per track, the DOL filings and IR–Independent presence.
 */
import { SOURCE_KIND_WORDS } from './facts.ts';
import {
  POLICY_FACT_KEYS,
  UNKNOWN,
  type FactScope,
  type IrIndependentPresence,
  type PolicyFactKey,
  type Program,
  type SourceKind,
} from './program.ts';

/** The tracks the coverage table reports (the dataset has no IR–Independent programs). */
export const COVERAGE_TRACKS = ['dr', 'ir-integrated'] as const;
/** One reported track. */
export type CoverageTrack = (typeof COVERAGE_TRACKS)[number];

/** The source kinds a known value can rest on, plus "other" (e.g. a source text we cannot place). */
export type CoverageKind = SourceKind | 'other';
const KINDS: readonly CoverageKind[] = [...(Object.keys(SOURCE_KIND_WORDS) as SourceKind[]), 'other'];

/** One fact on one track. */
export interface FactCoverage {
  /** The fact. */
  readonly fact: PolicyFactKey;
  /** The track. */
  readonly track: CoverageTrack;
  /** Programs with a known value. */
  readonly known: number;
  /** Known values by the kind of their strongest source (the one the page names first). */
  readonly byKind: Readonly<Record<CoverageKind, number>>;
  /** Known values by whom they speak for. */
  readonly byScope: Readonly<Record<FactScope, number>>;
  /** Open because sources disagree. */
  readonly disagree: number;
  /** Open because the institution decides case by case. */
  readonly caseByCase: number;
  /** Open with only a US DOL filing on record (H-1B). */
  readonly dolFilingOnly: number;
}

/** Per-track totals beside the facts. */
export interface TrackCoverage {
  /** The track. */
  readonly track: CoverageTrack;
  /** Its programs. */
  readonly programs: number;
  /** Programs at an institution with at least one US DOL H-1B filing for a radiology resident. */
  readonly withDolFiling: number;
  /** Programs by IR–Independent presence at the institution. */
  readonly irIndependent: Readonly<Record<IrIndependentPresence, number>>;
  /** Evidence statements (facts.csv rows and DOL filings) about its programs. */
  readonly statements: number;
  /** Programs with at least one statement. */
  readonly withAnyStatement: number;
  /** Programs with a J-1 or H-1B statement from the program's or institution's own pages (known, open or case by case). */
  readonly withVisaStatement: number;
}

/** The whole coverage report. */
export interface Coverage {
  /** Per fact and track, in POLICY_FACT_KEYS then COVERAGE_TRACKS order. */
  readonly facts: readonly FactCoverage[];
  /** Per track. */
  readonly tracks: readonly TrackCoverage[];
}

/** The source kind a resolved fact's `source` text names (as `resolveFact` writes it), or "other". */
export function sourceKindOf(source: string): CoverageKind {
  return (Object.keys(SOURCE_KIND_WORDS) as SourceKind[]).find((k) => SOURCE_KIND_WORDS[k] === source) ?? 'other';
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts the coverage of a compiled dataset. */
export function factCoverage(programs: readonly Program[]): Coverage {
  const facts: FactCoverage[] = [];
  for (const fact of POLICY_FACT_KEYS) {
    for (const track of COVERAGE_TRACKS) {
      const byKind = zeros(KINDS);
      const byScope = zeros<FactScope>(['program', 'institution']);
      let known = 0;
      let disagree = 0;
      let caseByCase = 0;
      let dolFilingOnly = 0;
      for (const p of programs) {
        if (p.track !== track) continue;
        const f = p.facts[fact];
        if (f.value !== UNKNOWN) {
          known += 1;
          byKind[sourceKindOf(f.source)] += 1;
          if (f.scope) byScope[f.scope] += 1;
        } else if (f.status === 'disagree') disagree += 1;
        else if (f.status === 'case-by-case') caseByCase += 1;
        else if (f.status === 'dol-filing') dolFilingOnly += 1;
      }
      facts.push({ fact, track, known, byKind, byScope, disagree, caseByCase, dolFilingOnly });
    }
  }
  const tracks = COVERAGE_TRACKS.map((track): TrackCoverage => {
    const mine = programs.filter((p) => p.track === track);
    const irIndependent = zeros<IrIndependentPresence>(['yes', 'possible', 'no']);
    for (const p of mine) irIndependent[p.irIndependent] += 1;
    return {
      track,
      programs: mine.length,
      withDolFiling: mine.filter((p) => p.h1bFilings > 0).length,
      irIndependent,
      statements: mine.reduce((n, p) => n + (p.evidence?.length ?? 0), 0),
      withAnyStatement: mine.filter((p) => (p.evidence?.length ?? 0) > 0).length,
      withVisaStatement: mine.filter((p) =>
        (p.evidence ?? []).some((e) => (e.fact === 'j1' || e.fact === 'h1b') && e.kind !== 'dol-filing'),
      ).length,
    };
  });
  return { facts, tracks };
}

const TRACK_SHORT: Readonly<Record<CoverageTrack, string>> = { dr: 'DR', 'ir-integrated': 'IR-Int' };

// Column heads of the fact table, with the width each takes.
const COLUMNS: readonly (readonly [string, number])[] = [
  ['fact', 24],
  ['track', 7],
  ['known', 6],
  ['prog-site', 10],
  ['inst-gme', 9],
  ['inst-intl', 10],
  ['other', 6],
  ['scope:prog', 11],
  ['scope:inst', 11],
  ['disagree', 9],
  ['case-by-case', 13],
  ['dol-only', 9],
];

/** The coverage report as a plain-text table, the way `npm run data:check` prints it. */
export function formatCoverage(c: Coverage): string {
  const row = (cells: readonly (string | number)[]) =>
    cells
      .map((cell, i) => {
        const width = COLUMNS[i]?.[1] ?? 8;
        return i < 2 ? String(cell).padEnd(width) : String(cell).padStart(width);
      })
      .join('')
      .trimEnd();
  const totals = c.tracks.map((t) => `${TRACK_SHORT[t.track]} ${t.programs}`).join(', ');
  const lines = [
    `Policy facts: programs with a known value, by the kind and scope of its source, and those still open (${totals} programs):`,
    row(COLUMNS.map(([head]) => head)),
  ];
  for (const f of c.facts) {
    lines.push(
      row([
        f.fact,
        TRACK_SHORT[f.track],
        f.known,
        f.byKind['program-site'],
        f.byKind['institution-gme'],
        f.byKind['institution-international'],
        f.byKind['other'] + f.byKind['dol-filing'] + f.byKind['acgme-list'] + f.byKind['derived'],
        f.byScope.program,
        f.byScope.institution,
        f.disagree,
        f.caseByCase,
        f.dolFilingOnly,
      ]),
    );
  }
  lines.push('');
  for (const t of c.tracks) {
    lines.push(
      `${TRACK_SHORT[t.track]}: ${t.withAnyStatement} of ${t.programs} programs have at least one statement ` +
        `(${t.statements} statements), ${t.withVisaStatement} a J-1 or H-1B statement from their own or their ` +
        `institution's pages; ${t.withDolFiling} at an institution with a US DOL H-1B filing for a ` +
        `radiology resident; IR–Independent at the institution: ${t.irIndependent.yes} yes, ` +
        `${t.irIndependent.possible} possible, ${t.irIndependent.no} not listed.`,
    );
  }
  return lines.join('\n');
}
