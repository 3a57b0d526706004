/**
 * What a program page shows of a program's policy facts (build time): every fact some source speaks
 * to, with each statement behind it (value, scope in words, kind of source, page date, read date, our
 * note), the US DOL H-1B filings apart from the program's own statements, and one short list of the
 * questions still to ask.
 */
import { FACT_COPY, STATUS_WORDS, formatFactValue } from './dataset.ts';
import { CASE_BY_CASE, SOURCE_KIND_WORDS, hostOf } from './facts.ts';
import {
  UNKNOWN,
  type Evidence,
  type FactScope,
  type FactStatus,
  type PolicyFactKey,
  type PolicyFacts,
  type Program,
  type SourceKind,
} from './program.ts';

/** Whom a fact speaks for, in words that follow "for": "for this program", "for the whole institution". */
export const SCOPE_WORDS: Readonly<Record<FactScope, string>> = {
  program: 'this program',
  institution: 'the whole institution',
};

/**
 * The order facts are shown in: visa first, then whether international graduates are taken, the
 * screening limits, size and shape. ESIR is shown with the IR pathway, not here.
 */
export const FACT_ORDER: readonly PolicyFactKey[] = [
  'j1',
  'h1b',
  'imgConsidered',
  'imgRecent',
  'imgShare',
  'step2Minimum',
  'maxYearsSinceGraduation',
  'attempts',
  'usce',
  'positionsPerYear',
  'totalResidents',
  'pgy1',
  'setting',
];

/** The value text a DOL filing's evidence row carries (it is a filing, not a yes or no). */
export const FILING_VALUE = 'filing';

/** One source's statement, ready to show. */
export interface StatementView {
  /** The value as the source states it, in words. */
  readonly valueText: string;
  /** Conditions the source attaches, in our words. */
  readonly condition?: string;
  /** Whom it speaks for. */
  readonly scope: FactScope;
  /** Whom it speaks for, in words ("this program", "the whole institution"). */
  readonly scopeText: string;
  /** The kind of source. */
  readonly kind: SourceKind;
  /** The kind of source, in words. */
  readonly kindText: string;
  /** Where it can be read. */
  readonly url?: string;
  /** The URL's host, for the link text. */
  readonly host?: string;
  /** The date the page shows, in words ("May 2026", "undated"). */
  readonly pageDateText: string;
  /** When we read it, in words ("4 Dec 2026"). */
  readonly checkedOnText: string;
  /** What the source states, in our words. */
  readonly note: string;
}

/** One fact with what the sources say about it. */
export interface FactView {
  /** Which fact. */
  readonly key: PolicyFactKey;
  /** Its label. */
  readonly label: string;
  /** The question to ask the program while it is not known. */
  readonly question: string;
  /** Whether the dataset has a value the planner uses. */
  readonly known: boolean;
  /** The value in words, or why it is not known ("Sources disagree"). */
  readonly valueText: string;
  /** Why an unknown value is not plain unknown. */
  readonly status?: FactStatus;
  /** Whom the resolved value speaks for, in words. */
  readonly scopeText?: string;
  /** The resolved value's condition. */
  readonly condition?: string;
  /** Every statement about the fact, DOL filings excepted. */
  readonly statements: readonly StatementView[];
  /** US DOL H-1B filings at the institution (H-1B only). */
  readonly filings: readonly StatementView[];
}

/** A question still to ask, and why it is open when a source says something. */
export interface OpenQuestion {
  /** Which fact. */
  readonly key: PolicyFactKey;
  /** Its label. */
  readonly label: string;
  /** The question. */
  readonly question: string;
  /** Why it is still open although a source speaks to it, e.g. "sources disagree". */
  readonly reason?: string;
}

/** A program's facts as its page shows them. */
export interface ProgramFactsView {
  /** Facts a source speaks to (known, disagreeing, case by case, or with a DOL filing), in FACT_ORDER. */
  readonly stated: readonly FactView[];
  /** Of those, how many have a value the planner uses. */
  readonly knownCount: number;
  /** Questions for every fact without a known value that applies to this program, in FACT_ORDER, ESIR last. */
  readonly toAsk: readonly OpenQuestion[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A YYYY, YYYY-MM or YYYY-MM-DD date in short words ("2026", "May 2026", "4 Dec 2026"); "undated" stays. */
export function dateWords(date: string): string {
  const [y, m, d] = date.split('-');
  if (!y || !/^\d{4}$/.test(y)) return date;
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

const BOOLEAN_FACTS: ReadonlySet<PolicyFactKey> = new Set(['j1', 'h1b', 'imgConsidered', 'esir']);
const NUMBER_FACTS: ReadonlySet<PolicyFactKey> = new Set([
  'maxYearsSinceGraduation',
  'step2Minimum',
  'positionsPerYear',
  'imgShare',
  'totalResidents',
]);

/** An evidence row's value text in words, as `formatFactValue` words the typed value. */
export function statementValueText(key: PolicyFactKey, text: string): string {
  if (text === CASE_BY_CASE) return STATUS_WORDS['case-by-case'];
  if (text === FILING_VALUE) return STATUS_WORDS['dol-filing'];
  type Value = PolicyFacts[PolicyFactKey]['value'];
  if (BOOLEAN_FACTS.has(key) && /^(yes|no)$/.test(text)) return formatFactValue(key, text === 'yes');
  if (text === 'none') return formatFactValue(key, 'none');
  if (NUMBER_FACTS.has(key) && /^\d+(\.\d+)?$/.test(text)) return formatFactValue(key, Number(text));
  return formatFactValue(key, text as Value);
}

/** One evidence row, ready to show. */
export function statementView(e: Evidence, key: PolicyFactKey): StatementView {
  const host = e.url ? hostOf(e.url) : null;
  return {
    valueText: statementValueText(key, e.value),
    ...(e.condition ? { condition: e.condition } : {}),
    scope: e.scope,
    scopeText: SCOPE_WORDS[e.scope],
    kind: e.kind,
    kindText: SOURCE_KIND_WORDS[e.kind],
    ...(e.url ? { url: e.url } : {}),
    ...(host ? { host: host.replace(/^www\./, '') } : {}),
    pageDateText: dateWords(e.pageDate),
    checkedOnText: dateWords(e.checkedOn),
    note: e.note,
  };
}

/** One fact of a program with every statement about it. */
export function factView(program: Program, key: PolicyFactKey): FactView {
  const fact = program.facts[key];
  const own = (program.evidence ?? []).filter((e) => e.fact === key);
  const known = fact.value !== UNKNOWN;
  return {
    key,
    label: FACT_COPY[key].label,
    question: FACT_COPY[key].question,
    known,
    valueText: known ? formatFactValue(key, fact.value) : fact.status ? STATUS_WORDS[fact.status] : 'Not verified',
    ...(fact.status ? { status: fact.status } : {}),
    ...(fact.scope && (known || fact.status === 'case-by-case') ? { scopeText: SCOPE_WORDS[fact.scope] } : {}),
    ...(fact.condition ? { condition: fact.condition } : {}),
    statements: own.filter((e) => e.kind !== 'dol-filing').map((e) => statementView(e, key)),
    filings: own.filter((e) => e.kind === 'dol-filing').map((e) => statementView(e, key)),
  };
}

/** Whether a fact's question applies to this program, given what is known. */
function worthAsking(program: Program, key: PolicyFactKey): boolean {
  const known = (k: PolicyFactKey) => program.facts[k].value !== UNKNOWN;
  if (key === 'esir') return program.track === 'dr';
  // A per-year figure says what the total would; the recent-classes answer covers the share question.
  if (key === 'totalResidents') return !known('positionsPerYear');
  if (key === 'imgShare') return !known('imgRecent');
  return true;
}

/** The reason a stated fact is still open, in lower-case words. */
const OPEN_REASON: Readonly<Record<FactStatus, string>> = {
  disagree: 'sources disagree',
  'case-by-case': 'decided case by case',
  'dol-filing': 'only a US DOL filing is on record',
};

/** A program's facts as its page shows them: what the sources say, and what is still to ask. */
export function programFactsView(program: Program): ProgramFactsView {
  const stated = FACT_ORDER.map((key) => factView(program, key)).filter(
    (v) => v.known || v.status !== undefined || v.statements.length > 0 || v.filings.length > 0,
  );
  const toAsk = [...FACT_ORDER, 'esir' as const]
    .filter((key) => program.facts[key].value === UNKNOWN && worthAsking(program, key))
    .map((key): OpenQuestion => {
      const status = program.facts[key].status;
      return {
        key,
        label: FACT_COPY[key].label,
        question: FACT_COPY[key].question,
        ...(status ? { reason: OPEN_REASON[status] } : {}),
      };
    });
  return { stated, knownCount: stated.filter((v) => v.known).length, toAsk };
}
