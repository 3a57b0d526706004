/**
 * Program facts from their evidence (build time): each row of content/programs/facts.csv is one
 * source's statement; `resolveFact` turns a program's statements about one fact into the single value
 * the engine uses, keeping disagreement visible. Also the hosts that never count as a source.
 */
import { UNKNOWN, type Evidence, type FactScope, type PolicyFactKey, type SourceKind } from './program.ts';

/**
 * Hosts whose pages are never a source for a program fact: residency directories and aggregators,
 * forums, NRMP/FREIDA program data. Their terms forbid reuse or they copy the programs' own pages;
 * they may be used only to find the program's own page. Matched against the URL's host name; staging
 * copies (uat, staging, dev hosts) count as not a source too.
 */
export const NOT_A_SOURCE_HOSTS: readonly string[] = [
  'freida.ama-assn.org',
  'ama-assn.org',
  'residencyadvisor.com',
  'doximity.com',
  'residencyexplorer.org',
  'medicalresidency.org',
  'scutwork.com',
  'reddit.com',
  'studentdoctor.net',
  'forums.studentdoctor.net',
  'quora.com',
  'nrmp.org',
  'wikipedia.org',
  'imgfriendly.com',
  'thematchguide.com',
  'residencyprograms.org',
  // Copies of pages on hosts the institution does not name as its own: content-delivery and app hosts,
  // wikis and document-sharing sites (the page may be stale or not the institution's at all).
  'cloudfront.net',
  'azurewebsites.net',
  'atlassian.net',
  'docslib.org',
  'studylib.net',
];

// A staging copy of a site ("saintvincent-uat.example.com") is not the published page.
const STAGING_HOST = /(^|[.-])(uat|staging|stage|dev)[.-]/;

/** The host a URL points at, lower case, or null when it is not a URL. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether a URL's host is on the not-a-source list (the host itself or a subdomain of a listed host). */
export function isNotASource(url: string): boolean {
  const host = hostOf(url);
  if (host === null) return false;
  return STAGING_HOST.test(host) || NOT_A_SOURCE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** How each source kind is named in a fact's `source` text. */
export const SOURCE_KIND_WORDS: Readonly<Record<SourceKind, string>> = {
  'program-site': 'Program website',
  'institution-gme': 'Institution GME office website',
  'institution-international': 'Institution international office website',
  'dol-filing': 'US Department of Labor H-1B filing (LCA)',
  'acgme-list': 'ACGME program list',
  derived: 'Derived from our program lists',
};

/** A resolved fact as the compile step builds it, before its value is typed for its key. */
export interface ResolvedFact {
  /** The agreed value text, or "unknown" (sources disagree, or all say case by case). */
  readonly value: string;
  /** Who stated it. */
  readonly source: string;
  /** The strongest source's URL. */
  readonly url?: string;
  /** When the strongest source was read. */
  readonly checkedOn: string;
  /** Program when any agreeing source is the program's own page. */
  readonly scope: FactScope;
  /** Why an unknown value is not plain unknown. */
  readonly status?: 'disagree' | 'case-by-case';
  /** The strongest source's condition, if any. */
  readonly condition?: string;
}

/** The value text that means "the institution decides per program or per applicant" (visa facts). */
export const CASE_BY_CASE = 'case-by-case';

// A program's own page outranks an institution page; among equals, the newest reading, then the first row.
function strength(e: Evidence): number {
  return e.scope === 'program' ? 1 : 0;
}

/**
 * One fact from all of a program's statements about it:
 * - every statement agrees → that value, scope "program" if any agreeing statement is the program's own;
 * - an institution says "case by case" (it leaves the choice to programs) and the program's own page
 *   states a value → the program's value;
 * - otherwise, different values → "unknown" with status "disagree" (the planner treats it as unknown
 *   and the program page shows every statement);
 * - only "case by case" → "unknown" with status "case-by-case".
 */
export function resolveFact(key: PolicyFactKey, statements: readonly Evidence[]): ResolvedFact {
  if (statements.length === 0) throw new Error(`resolveFact(${key}): no statements`);
  let pool = [...statements];
  const definite = pool.filter((e) => e.value !== CASE_BY_CASE);
  const programDefinite = definite.filter((e) => e.scope === 'program');
  if (definite.length < pool.length && programDefinite.length > 0) {
    // The institution delegates the choice; the program's own statement is the choice.
    const dropped = pool.filter((e) => e.value === CASE_BY_CASE && e.scope === 'institution');
    pool = pool.filter((e) => !dropped.includes(e));
  }
  const values = new Set(pool.map((e) => e.value));
  const best = [...pool].sort((a, b) => strength(b) - strength(a) || b.checkedOn.localeCompare(a.checkedOn))[0];
  if (!best) throw new Error('unreachable');
  const common = {
    checkedOn: best.checkedOn,
    ...(best.url ? { url: best.url } : {}),
  };
  if (values.size > 1) {
    return {
      value: UNKNOWN,
      source: `Sources disagree (${pool.length} statements: ${[...values].join(' / ')})`,
      scope: pool.some((e) => e.scope === 'program') ? 'program' : 'institution',
      status: 'disagree',
      ...common,
    };
  }
  const scope: FactScope = pool.some((e) => e.scope === 'program') ? 'program' : 'institution';
  const withCondition = pool.find((e) => e.condition);
  if (best.value === CASE_BY_CASE) {
    return {
      value: UNKNOWN,
      source: SOURCE_KIND_WORDS[best.kind],
      scope,
      status: 'case-by-case',
      ...common,
      ...(withCondition?.condition ? { condition: withCondition.condition } : {}),
    };
  }
  return {
    value: best.value,
    source: SOURCE_KIND_WORDS[best.kind],
    scope,
    ...common,
    ...(withCondition?.condition ? { condition: withCondition.condition } : {}),
  };
}
