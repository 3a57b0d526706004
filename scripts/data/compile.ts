/**
 * The dataset compile step as a pure function: source texts in, either the compiled dataset or every
 * problem found (file, line, field, message) out. scripts/compile-data.ts does the file reading and writing.
 */
import { z, whenZod3 } from '../../src/engine/util/zod.ts';
import {
  POLICY_FACT_KEYS,
  TRACK_PREFIX,
  UNKNOWN,
  acgmeIdSchema,
  factScopeSchema,
  isoDateSchema,
  pageDateSchema,
  policyFactsSchema,
  programSchema,
  urlSchema,
  type Evidence,
  type PolicyFactKey,
  type PolicyFacts,
  type Program,
  type Track,
} from '../../src/engine/data/program.ts';
import { STATES, acgmeStateCodeOf, stateInfo, unknownFacts } from '../../src/engine/data/dataset.ts';
import {
  ACGME_STATE_CODES,
  irIndependentMatchSchema,
  linkSiblings,
  normalizeCity,
  normalizeProgramName,
  siblingOverrideSchema,
  siblingsFromLinks,
  type CompiledDataset,
  type IrIndependentMatch,
  type SiblingLink,
  type SiblingOverride,
} from '../../src/engine/data/dataset-build.ts';
import { CASE_BY_CASE, SOURCE_KIND_WORDS, isNotASource, resolveFact } from '../../src/engine/data/facts.ts';
import { parseCsv, type CsvRecord, type CsvTable } from './csv.ts';

/** A source file: where it lives (for messages) and its text. */
export interface SourceFile {
  /** Path shown in messages, e.g. content/programs/programs.csv. */
  path: string;
  /** File contents. */
  text: string;
}

/** All the files the compile step reads. */
export interface DatasetSources {
  /** The program list (ERAS copy plus display overrides). */
  programs: SourceFile;
  /** Verified policy facts, one per row. */
  facts: SourceFile;
  /** Reviewed DR ↔ IR-Integrated link corrections. */
  overrides: SourceFile;
  /** Verbatim copy of the ACGME IR-Independent (415) list. */
  irIndependentSource: SourceFile;
  /** Hand-checked 415 → DR matches. */
  irIndependentMatches: SourceFile;
  /** US DOL H-1B filings (LCAs) for radiology residents, matched to our IDs. */
  dolFilings: SourceFile;
  /** The harvest log: one row per program for every search for its facts. */
  harvestLog: SourceFile;
}

/** One problem in a source file. */
export interface Issue {
  /** File path. */
  file: string;
  /** 1-based line (1 = header). */
  line: number;
  /** Column name (or "row" / "file"). */
  field: string;
  /** What is wrong, in words. */
  message: string;
}

/** What the compile step returns. */
export type CompileResult =
  { ok: true; dataset: CompiledDataset; links: SiblingLink[] } | { ok: false; issues: Issue[] };

/** Column sets, in file order. */
export const COLUMNS = {
  programs: ['acgme_id', 'specialty', 'hospital', 'city', 'state', 'flags', 'display_name', 'display_city'],
  facts: ['acgme_id', 'fact', 'value', 'condition', 'scope', 'source_kind', 'url', 'page_date', 'checked_on', 'note'],
  dolFilings: [
    'case_number',
    'job_title',
    'soc_code',
    'employer_name',
    'worksite_address1',
    'worksite_city',
    'worksite_state',
    'wage_from',
    'wage_unit',
    'begin_date',
    'candidate_acgme_ids_same_institution',
    'source',
  ],
  harvestLog: ['acgme_id', 'date', 'queries', 'outcome', 'urls', 'notes'],
  overrides: ['dr_id', 'ir_id', 'action', 'reason'],
  irIndependentSource: ['acgme_id', 'specialty', 'program_name', 'sponsoring_institution', 'city', 'state', 'quality'],
  irIndependentMatches: ['ir_independent_id', 'dr_id', 'token', 'check', 'reason'],
} as const;

/** Source specialty text (verbatim from ERAS) → track. */
export const SPECIALTY_TRACK: Readonly<Record<string, Track>> = {
  'Radiology-Diagnostic': 'dr',
  'Interventional Radiology - Integrated': 'ir-integrated',
  'Interventional Radiology - Independent': 'ir-independent',
};

/** Badges the source list carries, as written in the flags column. */
export const FLAG_WORDS = ['New Program', 'Osteopathic Recognized'] as const;

/** The one-line provenance of the program list. */
export const PROGRAM_LIST_SOURCE =
  'AAMC ERAS 2026 participating-programs list (Radiology-Diagnostic and IR-Integrated), third-party transcription, seen 2026-11-28';

const stateField = z
  .string()
  .check(z.refine((s) => stateInfo(s) !== undefined, 'not a USPS code in the ACGME state table'));

/** A text cell, trimmed, that must not be empty. */
const filled = (message: string, min = 1) => z.string().check(z.trim(), z.minLength(min, message));

/** The fields of one row of programs.csv, each checked on its own. */
const programRowFieldsSchema = z.object({
  acgme_id: acgmeIdSchema,
  specialty: z.enum(
    Object.keys(SPECIALTY_TRACK) as [string, ...string[]],
    `must be one of: ${Object.keys(SPECIALTY_TRACK).join(' | ')}`,
  ),
  hospital: filled('empty'),
  city: filled('empty'),
  state: stateField,
  flags: z
    .string()
    .check(
      z.refine(
        (f) => f === '' || f.split(';').every((w) => (FLAG_WORDS as readonly string[]).includes(w)),
        `flags are empty or ${FLAG_WORDS.join(' / ')} separated by ";"`,
      ),
    ),
  display_name: z.string(),
  display_city: z.string(),
});

/** One row of programs.csv. */
export const programRowSchema = programRowFieldsSchema.check(
  z.check<z.infer<typeof programRowFieldsSchema>>(({ value: row, issues }) => {
    // This runs on partly invalid rows too (as zod 3 ran it); a malformed ID is already reported.
    if (!/^\d{10}$/.test(row.acgme_id)) return;
    const at = (message: string) => issues.push({ code: 'custom', path: ['acgme_id'], input: row.acgme_id, message });
    const track = SPECIALTY_TRACK[row.specialty];
    const prefix = track ? TRACK_PREFIX[track] : undefined;
    if (prefix && !row.acgme_id.startsWith(prefix)) {
      at(`prefix ${row.acgme_id.slice(0, 3)} does not match specialty "${row.specialty}" (expects ${prefix})`);
    }
    const expected = stateInfo(row.state) ? ACGME_STATE_CODES[row.state] : undefined;
    const code = acgmeStateCodeOf(row.acgme_id);
    if (expected !== undefined && code !== expected) {
      const meant = Object.entries(ACGME_STATE_CODES).find(([, c]) => c === code)?.[0] ?? 'no state';
      at(`state-code digits ${code} mean ${meant}, but the state is ${row.state} (code ${expected})`);
    }
  }, whenZod3),
);
export type ProgramRow = z.infer<typeof programRowSchema>;

/** One row of facts.csv, before the value is read for its fact: one source's statement. */
export const factRowSchema = z.object({
  acgme_id: acgmeIdSchema,
  fact: z.enum(
    POLICY_FACT_KEYS as [PolicyFactKey, ...PolicyFactKey[]],
    `must be one of: ${POLICY_FACT_KEYS.join(' | ')}`,
  ),
  value: filled('empty (leave a fact out when no source states it)'),
  condition: z.string().check(z.maxLength(160, 'at most 160 characters')),
  scope: factScopeSchema,
  source_kind: z.enum(
    ['program-site', 'institution-gme', 'institution-international'],
    'must be program-site, institution-gme or institution-international (DOL filings and our lists are added by the compile step)',
  ),
  url: urlSchema('not a URL').check(
    z.refine(
      (u) => !isNotASource(u),
      "this host is not a source (a directory, forum or NRMP/FREIDA data): cite the program's own page",
    ),
  ),
  page_date: pageDateSchema,
  checked_on: isoDateSchema,
  note: z.string().check(
    z.minLength(20, 'an evidence note of at least 20 characters, in our own words'),
    z.maxLength(300, 'at most 300 characters'),
    z.refine((n) => !/["\u201c\u201d]/.test(n), 'no quotation marks: say what the page states in our own words'),
  ),
});

/** One row of the DOL filings file (only the fields the compile reads). */
export const dolFilingRowSchema = z.object({
  case_number: z.string().check(z.regex(/^I-\d{3}-\d{5}-\d{6}$/, 'a DOL case number, e.g. I-200-25080-795442')),
  job_title: z.string().check(z.minLength(1)),
  employer_name: z.string().check(z.minLength(1)),
  worksite_city: z.string().check(z.minLength(1)),
  begin_date: isoDateSchema,
  candidate_acgme_ids_same_institution: z.string().check(z.regex(/^\d{10}(;\d{10})*$/, 'ACGME IDs separated by ;')),
});

/** One row of the harvest log. */
export const harvestRowSchema = z.object({
  acgme_id: acgmeIdSchema,
  date: isoDateSchema,
  queries: z.string().check(z.minLength(3, 'the queries tried, separated by " ; "')),
  outcome: z.enum(['found', 'partial', 'none'], 'must be found, partial or none'),
  urls: z.string(),
  notes: z.string(),
});
export type HarvestRow = z.infer<typeof harvestRowSchema>;

/** Where the DOL filings come from (public domain), for the evidence rows made from them. */
export const DOL_SOURCE_URL = 'https://www.dol.gov/agencies/eta/foreign-labor/performance';

/** One row of ir-independent-source.csv (only the fields the matching reads). */
export const irIndependentSourceRowSchema = z.object({
  acgme_id: acgmeIdSchema.check(
    z.refine((id) => id.startsWith(TRACK_PREFIX['ir-independent']), 'an IR-Independent ID starts 415'),
  ),
  sponsoring_institution: z.string(),
});

/** What each fact's value column accepts, for messages and the README. */
export const FACT_VALUE_HINT: Readonly<Record<PolicyFactKey, string>> = {
  j1: 'yes, no or case-by-case',
  h1b: 'yes, no or case-by-case',
  maxYearsSinceGraduation: 'whole years 0-60 or none (no cutoff)',
  step2Minimum: 'a score 1-300 or none (no minimum)',
  attempts: 'first-attempt-only, one-failure-considered or no-stated-limit',
  usce: 'required, preferred or not-required',
  pgy1: 'categorical, advanced or both',
  positionsPerYear: 'whole number 0-100',
  imgShare: 'share 0-1 (0.25 = 25%)',
  imgConsidered: 'yes or no',
  imgRecent: 'yes, rarely or no',
  totalResidents: 'whole number 0-400',
  esir: 'yes or no (DR programs)',
  setting: 'university, community-university-affiliated or community',
};

/** Reads a facts.csv value text as the typed value its fact expects (schema checks the range). */
export function readFactValue(fact: PolicyFactKey, text: string): unknown {
  const t = text.trim();
  if (t === UNKNOWN) return UNKNOWN;
  if (fact === 'j1' || fact === 'h1b' || fact === 'imgConsidered' || fact === 'esir') {
    if (/^(yes|true)$/i.test(t)) return true;
    if (/^(no|false)$/i.test(t)) return false;
    return t;
  }
  if ((fact === 'maxYearsSinceGraduation' || fact === 'step2Minimum') && t === 'none') return 'none';
  if (
    fact === 'maxYearsSinceGraduation' ||
    fact === 'step2Minimum' ||
    fact === 'positionsPerYear' ||
    fact === 'totalResidents' ||
    fact === 'imgShare'
  ) {
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  }
  return t;
}

/** Zod issues → our issues, one per field, keyed to the row's line. */
function zodIssues(file: string, line: number, error: z.core.$ZodError, rename: Record<string, string> = {}): Issue[] {
  return error.issues.map((i) => {
    const key = String(i.path[0] ?? 'row');
    return { file, line, field: rename[key] ?? key, message: i.message };
  });
}

/** Header check: every expected column present, nothing unexpected. */
function headerIssues(file: string, table: CsvTable, expected: readonly string[]): Issue[] {
  const issues: Issue[] = table.errors.map((e) => ({ file, line: e.line, field: 'row', message: e.message }));
  for (const col of expected) {
    if (!table.header.includes(col)) issues.push({ file, line: 1, field: col, message: 'missing column' });
  }
  for (const col of table.header) {
    if (!expected.includes(col))
      issues.push({ file, line: 1, field: col, message: `unknown column (expected: ${expected.join(', ')})` });
  }
  return issues;
}

/** Width check: a row with more fields than the header has lost or gained a comma. */
function widthIssue(file: string, record: CsvRecord, columns: number): Issue[] {
  return record.width > columns
    ? [{ file, line: record.line, field: 'row', message: `${record.width} fields, the header has ${columns}` }]
    : [];
}

/** Compiles the sources, or returns every problem found in them. */
export function compileDataset(src: DatasetSources): CompileResult {
  const issues: Issue[] = [];

  // Programs ------------------------------------------------------------------------------------
  const pFile = src.programs.path;
  const pTable = parseCsv(src.programs.text);
  issues.push(...headerIssues(pFile, pTable, COLUMNS.programs));
  const rows: { line: number; row: ProgramRow }[] = [];
  const firstLine = new Map<string, number>();
  for (const rec of pTable.records) {
    issues.push(...widthIssue(pFile, rec, pTable.header.length));
    const id = rec.fields['acgme_id'] ?? '';
    if (id) {
      const prev = firstLine.get(id);
      if (prev !== undefined) {
        issues.push({
          file: pFile,
          line: rec.line,
          field: 'acgme_id',
          message: `duplicate ID ${id} (first on line ${prev})`,
        });
        continue;
      }
      firstLine.set(id, rec.line);
    }
    const parsed = programRowSchema.safeParse(rec.fields);
    if (parsed.success) rows.push({ line: rec.line, row: parsed.data });
    else issues.push(...zodIssues(pFile, rec.line, parsed.error));
  }
  const trackOf = new Map(rows.map(({ row }) => [row.acgme_id, SPECIALTY_TRACK[row.specialty] as Track]));

  // Facts: every row is one source's statement; statements about one fact are resolved together --
  const fFile = src.facts.path;
  const fTable = parseCsv(src.facts.text);
  issues.push(...headerIssues(fFile, fTable, COLUMNS.facts));
  const statements = new Map<string, { line: number; evidence: Evidence }[]>();
  const evidenceOf = new Map<string, Evidence[]>();
  const seenRow = new Map<string, number>();
  for (const rec of fTable.records) {
    issues.push(...widthIssue(fFile, rec, fTable.header.length));
    const parsed = factRowSchema.safeParse(rec.fields);
    if (!parsed.success) {
      issues.push(...zodIssues(fFile, rec.line, parsed.error));
      continue;
    }
    const r = parsed.data;
    const at = (field: string, message: string) => issues.push({ file: fFile, line: rec.line, field, message });
    const track = trackOf.get(r.acgme_id);
    if (!track) {
      at('acgme_id', `no program ${r.acgme_id} in ${pFile}`);
      continue;
    }
    if (r.fact === 'esir' && track !== 'dr') {
      at('fact', 'esir is a DR program fact (IR–Integrated programs are IR training already)');
      continue;
    }
    const rowKey = `${r.acgme_id}|${r.fact}|${r.url}|${r.value}`;
    const prev = seenRow.get(rowKey);
    if (prev !== undefined) {
      at('url', `the same statement again (first on line ${prev})`);
      continue;
    }
    seenRow.set(rowKey, rec.line);
    const caseByCase = r.value === CASE_BY_CASE;
    if (caseByCase && r.fact !== 'j1' && r.fact !== 'h1b') {
      at('value', `case-by-case is for j1 and h1b only; write ${FACT_VALUE_HINT[r.fact]}`);
      continue;
    }
    if (!caseByCase) {
      const checked = policyFactsSchema.shape[r.fact].safeParse({
        value: readFactValue(r.fact, r.value),
        source: 'check',
      });
      if (!checked.success || checked.data.value === UNKNOWN) {
        at('value', `"${r.value}" is not a ${r.fact} value: write ${FACT_VALUE_HINT[r.fact]}`);
        continue;
      }
    }
    if (r.checked_on < r.page_date.slice(0, 10) && r.page_date !== 'undated') {
      at('page_date', `the page date ${r.page_date} is after the day it was read (${r.checked_on})`);
      continue;
    }
    const evidence: Evidence = {
      fact: r.fact,
      value: r.value,
      ...(r.condition ? { condition: r.condition } : {}),
      scope: r.scope,
      kind: r.source_kind,
      url: r.url,
      pageDate: r.page_date,
      checkedOn: r.checked_on,
      note: r.note,
    };
    const key = `${r.acgme_id}|${r.fact}`;
    statements.set(key, [...(statements.get(key) ?? []), { line: rec.line, evidence }]);
    evidenceOf.set(r.acgme_id, [...(evidenceOf.get(r.acgme_id) ?? []), evidence]);
  }
  const facts = new Map<string, Partial<Record<PolicyFactKey, unknown>>>();
  for (const [key, list] of statements) {
    const [id, fact] = key.split('|') as [string, PolicyFactKey];
    const resolved = resolveFact(
      fact,
      list.map((s) => s.evidence),
    );
    const value = resolved.value === UNKNOWN ? UNKNOWN : readFactValue(fact, resolved.value);
    const checked = policyFactsSchema.shape[fact].safeParse({ ...resolved, value });
    if (!checked.success) {
      const line = list[0]?.line ?? 0;
      issues.push(...zodIssues(fFile, line, checked.error, { checkedOn: 'checked_on' }));
      continue;
    }
    facts.set(id, { ...facts.get(id), [fact]: checked.data });
  }

  // DOL H-1B filings ----------------------------------------------------------------------------
  const dFile = src.dolFilings.path;
  const dTable = parseCsv(src.dolFilings.text);
  issues.push(...headerIssues(dFile, dTable, COLUMNS.dolFilings));
  const filings = new Map<string, { line: number; row: z.infer<typeof dolFilingRowSchema> }[]>();
  for (const rec of dTable.records) {
    issues.push(...widthIssue(dFile, rec, dTable.header.length));
    const parsed = dolFilingRowSchema.safeParse(rec.fields);
    if (!parsed.success) {
      issues.push(...zodIssues(dFile, rec.line, parsed.error));
      continue;
    }
    for (const id of parsed.data.candidate_acgme_ids_same_institution.split(';')) {
      if (!trackOf.has(id)) {
        issues.push({
          file: dFile,
          line: rec.line,
          field: 'candidate_acgme_ids_same_institution',
          message: `no program ${id} in ${pFile}`,
        });
        continue;
      }
      filings.set(id, [...(filings.get(id) ?? []), { line: rec.line, row: parsed.data }]);
    }
  }

  // Harvest log: one row per program -------------------------------------------------------------
  const hFile = src.harvestLog.path;
  const hTable = parseCsv(src.harvestLog.text);
  issues.push(...headerIssues(hFile, hTable, COLUMNS.harvestLog));
  const harvested = new Map<string, number>();
  for (const rec of hTable.records) {
    issues.push(...widthIssue(hFile, rec, hTable.header.length));
    const parsed = harvestRowSchema.safeParse(rec.fields);
    if (!parsed.success) {
      issues.push(...zodIssues(hFile, rec.line, parsed.error));
      continue;
    }
    const r = parsed.data;
    const at = (field: string, message: string) => issues.push({ file: hFile, line: rec.line, field, message });
    if (!trackOf.has(r.acgme_id)) at('acgme_id', `no program ${r.acgme_id} in ${pFile}`);
    else if (harvested.has(r.acgme_id))
      at('acgme_id', `a second row for ${r.acgme_id} (first on line ${harvested.get(r.acgme_id)})`);
    else harvested.set(r.acgme_id, rec.line);
    const hasAny = evidenceOf.has(r.acgme_id);
    const hasVisa = (evidenceOf.get(r.acgme_id) ?? []).some((e) => e.fact === 'j1' || e.fact === 'h1b');
    if (r.outcome === 'found' && !hasVisa) at('outcome', 'found means a visa statement (j1 or h1b) is in facts.csv');
    if (r.outcome === 'partial' && (!hasAny || hasVisa))
      at('outcome', 'partial means some facts but no visa statement');
    if (r.outcome === 'none' && hasAny) at('outcome', 'none, but facts.csv has statements for this program');
  }
  for (const id of trackOf.keys()) {
    if (!harvested.has(id))
      issues.push({ file: hFile, line: 0, field: 'acgme_id', message: `no harvest row for ${id}` });
  }

  // Sibling overrides and links -----------------------------------------------------------------
  const oFile = src.overrides.path;
  const oTable = parseCsv(src.overrides.text);
  issues.push(...headerIssues(oFile, oTable, COLUMNS.overrides));
  const overrides: SiblingOverride[] = [];
  const overrideLines: number[] = [];
  for (const rec of oTable.records) {
    issues.push(...widthIssue(oFile, rec, oTable.header.length));
    const f = rec.fields;
    const parsed = siblingOverrideSchema.safeParse({
      drId: f['dr_id'],
      irId: f['ir_id'],
      action: f['action'],
      reason: f['reason'],
    });
    if (parsed.success) {
      overrides.push(parsed.data);
      overrideLines.push(rec.line);
    } else {
      issues.push(...zodIssues(oFile, rec.line, parsed.error, { drId: 'dr_id', irId: 'ir_id' }));
    }
  }
  const candidates = rows.map(({ row }) => ({
    id: row.acgme_id,
    track: SPECIALTY_TRACK[row.specialty] as Track,
    sourceName: row.hospital,
    sourceCity: row.city,
    state: row.state,
  }));
  const { links, problems } = linkSiblings(candidates, overrides);
  for (const p of problems)
    issues.push({ file: oFile, line: overrideLines[p.index] ?? 0, field: p.field, message: p.message });
  const siblings = siblingsFromLinks(links);

  // IR-Independent matches ----------------------------------------------------------------------
  const sFile = src.irIndependentSource.path;
  const sTable = parseCsv(src.irIndependentSource.text);
  issues.push(...headerIssues(sFile, sTable, COLUMNS.irIndependentSource));
  const independentName = new Map<string, string>();
  for (const rec of sTable.records) {
    const parsed = irIndependentSourceRowSchema.safeParse(rec.fields);
    if (!parsed.success) issues.push(...zodIssues(sFile, rec.line, parsed.error));
    else if (independentName.has(parsed.data.acgme_id)) {
      issues.push({ file: sFile, line: rec.line, field: 'acgme_id', message: `duplicate ID ${parsed.data.acgme_id}` });
    } else independentName.set(parsed.data.acgme_id, parsed.data.sponsoring_institution);
  }
  const mFile = src.irIndependentMatches.path;
  const mTable = parseCsv(src.irIndependentMatches.text);
  issues.push(...headerIssues(mFile, mTable, COLUMNS.irIndependentMatches));
  const matches: IrIndependentMatch[] = [];
  const matchedLine = new Map<string, number>();
  const rowById = new Map(rows.map(({ row }) => [row.acgme_id, row]));
  for (const rec of mTable.records) {
    issues.push(...widthIssue(mFile, rec, mTable.header.length));
    const f = rec.fields;
    const parsed = irIndependentMatchSchema.safeParse({
      irIndependentId: f['ir_independent_id'],
      drId: f['dr_id'],
      token: f['token'],
      check: f['check'],
      reason: f['reason'],
    });
    if (!parsed.success) {
      issues.push(...zodIssues(mFile, rec.line, parsed.error, { irIndependentId: 'ir_independent_id', drId: 'dr_id' }));
      continue;
    }
    const m = parsed.data;
    const at = (field: string, message: string) => issues.push({ file: mFile, line: rec.line, field, message });
    const garbled = independentName.get(m.irIndependentId);
    const dr = rowById.get(m.drId);
    const prev = matchedLine.get(m.irIndependentId);
    if (prev !== undefined) at('ir_independent_id', `matched twice (first on line ${prev})`);
    else if (garbled === undefined) at('ir_independent_id', `not in ${sFile}`);
    else if (!dr || SPECIALTY_TRACK[dr.specialty] !== 'dr') at('dr_id', `no DR program ${m.drId} in ${pFile}`);
    else if (acgmeStateCodeOf(m.irIndependentId) !== acgmeStateCodeOf(m.drId)) {
      at('dr_id', `state codes differ (${acgmeStateCodeOf(m.irIndependentId)} vs ${acgmeStateCodeOf(m.drId)})`);
    } else if (!garbled.toLowerCase().includes(m.token.toLowerCase())) {
      at('token', `"${m.token}" is not in the 415 source text`);
    } else if (m.check === 'token-unique') {
      const hits = rows.filter(
        ({ row }) =>
          SPECIALTY_TRACK[row.specialty] === 'dr' &&
          row.state === dr.state &&
          row.hospital.toLowerCase().includes(m.token.toLowerCase()),
      );
      if (hits.length !== 1 || hits[0]?.row.acgme_id !== m.drId) {
        at(
          'token',
          `"${m.token}" names ${hits.length} DR programs in ${dr.state} (${hits.map((h) => h.row.acgme_id).join(', ') || 'none'}), not exactly ${m.drId}`,
        );
      } else matches.push(m);
    } else matches.push(m);
    matchedLine.set(m.irIndependentId, rec.line);
  }

  if (issues.length) return { ok: false, issues: sortIssues(issues) };

  // IR–Independent presence: matched (this DR program or an IR program's DR sibling), possible (an
  // unmatched 415 entry carries the same ACGME state code), or not listed.
  const matchedDr = new Set(matches.map((m) => m.drId));
  const unmatchedCodes = new Set(
    [...independentName.keys()].filter((id) => !matchedLine.has(id)).map((id) => acgmeStateCodeOf(id)),
  );

  // Assemble ------------------------------------------------------------------------------------
  const programs: Program[] = rows.map(({ row }) => {
    const state = STATES[row.state];
    if (!state) throw new Error(`unreachable: state ${row.state} passed validation`);
    const flagWords = row.flags ? row.flags.split(';') : [];
    return programSchema.parse({
      id: row.acgme_id,
      track: SPECIALTY_TRACK[row.specialty],
      name: row.display_name.trim() || normalizeProgramName(row.hospital),
      sourceName: row.hospital,
      city: row.display_city.trim() || normalizeCity(row.city),
      sourceCity: row.city,
      state: row.state,
      region: state.region,
      division: state.division,
      flags: {
        newProgram: flagWords.includes('New Program'),
        osteopathicRecognized: flagWords.includes('Osteopathic Recognized'),
      },
      facts: withFilingStatus(
        { ...unknownFacts(), ...facts.get(row.acgme_id) } as PolicyFacts,
        filings.get(row.acgme_id) ?? [],
      ),
      siblings: siblings.get(row.acgme_id) ?? [],
      irIndependent: (() => {
        const own = siblings.get(row.acgme_id) ?? [];
        const ids = SPECIALTY_TRACK[row.specialty] === 'dr' ? [row.acgme_id] : own;
        if (ids.some((id) => matchedDr.has(id))) return 'yes';
        return unmatchedCodes.has(acgmeStateCodeOf(row.acgme_id)) ? 'possible' : 'no';
      })(),
      h1bFilings: (filings.get(row.acgme_id) ?? []).length,
      evidence: [
        ...(evidenceOf.get(row.acgme_id) ?? []),
        ...(filings.get(row.acgme_id) ?? []).map(({ row: f }) => dolEvidence(f)),
      ],
    });
  });
  programs.sort((a, b) => a.id.localeCompare(b.id));
  matches.sort((a, b) => a.drId.localeCompare(b.drId) || a.irIndependentId.localeCompare(b.irIndependentId));
  return { ok: true, dataset: { source: PROGRAM_LIST_SOURCE, programs, irIndependent: matches }, links };
}

/** An H-1B fact with no sourced statement takes the "dol-filing" status when the institution filed for a radiology resident. */
function withFilingStatus(facts: PolicyFacts, filings: readonly unknown[]): PolicyFacts {
  if (filings.length === 0 || facts.h1b.value !== UNKNOWN || facts.h1b.status) return facts;
  return {
    ...facts,
    h1b: {
      value: UNKNOWN,
      source: `${SOURCE_KIND_WORDS['dol-filing']}, FY2025 Q2`,
      url: DOL_SOURCE_URL,
      scope: 'institution',
      status: 'dol-filing',
    },
  };
}

/** The evidence row a DOL filing makes: what it shows, in our words, with its case number. */
function dolEvidence(f: z.infer<typeof dolFilingRowSchema>): Evidence {
  return {
    fact: 'h1b',
    value: 'filing',
    scope: 'institution',
    kind: 'dol-filing',
    url: DOL_SOURCE_URL,
    pageDate: f.begin_date.slice(0, 7),
    checkedOn: '2026-11-28',
    note: `${f.employer_name} filed LCA ${f.case_number} for the job title ${f.job_title} in ${f.worksite_city}, starting ${f.begin_date}: the first step of an H-1B petition.`.slice(
      0,
      300,
    ),
  };
}

/** Issues in file, then line, order. */
function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}

/** One issue as a line of text: `file:line  field  message`. */
export function formatIssue(i: Issue): string {
  return `${i.file}:${i.line}  ${i.field}: ${i.message}`;
}
