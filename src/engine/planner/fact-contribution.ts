/**
 * Contribute a fact: a verification log entry plus the page that states it becomes a ready row for
 * content/programs/facts.csv, checked by the same rules as the dataset compile step
 * (scripts/data/compile.ts, factRowSchema): the program's or institution's own page, never a directory
 * or forum; the page's date; the day it was read; a note in the contributor's own words.
 */
import { isNotASource } from '../data/facts';
import { pageDateSchema, type FactScope } from '../data/program';
import type { VerificationEntry } from './verification';

/** The facts.csv columns, in file order. */
export const FACTS_CSV_COLUMNS = [
  'acgme_id',
  'fact',
  'value',
  'condition',
  'scope',
  'source_kind',
  'url',
  'page_date',
  'checked_on',
  'note',
] as const;
/** One facts.csv column. */
export type FactsCsvColumn = (typeof FACTS_CSV_COLUMNS)[number];

/** The kinds of page a contributor may cite (DOL filings and our own lists are added by the compile step). */
export const CONTRIBUTION_KINDS = ['program-site', 'institution-gme', 'institution-international'] as const;
/** One citable kind of page. */
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** How each citable kind of page is offered. */
export const CONTRIBUTION_KIND_LABEL: Readonly<Record<ContributionKind, string>> = {
  'program-site': "The radiology program's own website",
  'institution-gme': "The institution's graduate medical education (GME) pages",
  'institution-international': "The institution's international or immigration office pages",
};

/** What the contributor adds to a log entry: where the program's own page states the fact. */
export interface ContributionForm {
  /** The page that states it. */
  url: string;
  /** What kind of page it is. */
  kind: ContributionKind;
  /** Whom the statement speaks for. */
  scope: FactScope;
  /** The date the page shows: YYYY, YYYY-MM, YYYY-MM-DD, or "undated". */
  pageDate: string;
  /** Conditions the page attaches, in the contributor's words (optional). */
  condition: string;
  /** What the page states, in the contributor's own words. */
  note: string;
}
/** A contribution form field. */
export type ContributionField = 'url' | 'pageDate' | 'condition' | 'note';

/** A fresh contribution form. */
export function defaultContributionForm(): ContributionForm {
  return { url: '', kind: 'program-site', scope: 'program', pageDate: 'undated', condition: '', note: '' };
}

/** A log entry's value as facts.csv writes it: yes/no, a number, or none. */
export function factsCsvValue(entry: VerificationEntry): string {
  if (typeof entry.value === 'boolean') return entry.value ? 'yes' : 'no';
  return String(entry.value);
}

/** One CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The facts.csv row for a log entry and the page that states it, or what to fix. The read date is the
 * entry's date; the page date may not be after it.
 */
export function contributionRow(
  entry: VerificationEntry,
  form: ContributionForm,
):
  | { ok: true; fields: Record<FactsCsvColumn, string>; row: string }
  | { ok: false; errors: Partial<Record<ContributionField, string>> } {
  const errors: Partial<Record<ContributionField, string>> = {};
  const url = form.url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    errors.url = 'Enter the web address of the page, starting https://';
  } else if (isNotASource(url)) {
    errors.url =
      'This site is a directory, forum or NRMP/FREIDA page, which is not a source: cite the program’s or institution’s own page';
  }
  const pageDate = form.pageDate.trim() || 'undated';
  if (!pageDateSchema.safeParse(pageDate).success) {
    errors.pageDate = 'Write the date the page shows as YYYY, YYYY-MM or YYYY-MM-DD, or “undated”';
  } else if (pageDate !== 'undated' && pageDate > entry.date) {
    errors.pageDate = `The page date is after the day you read it (${entry.date})`;
  }
  const condition = form.condition.trim().replace(/\s+/g, ' ');
  if (condition.length > 160) errors.condition = 'At most 160 characters';
  const note = form.note.trim().replace(/\s+/g, ' ');
  if (note.length < 20) errors.note = 'Say in at least 20 characters what the page states, in your own words';
  else if (note.length > 300) errors.note = 'At most 300 characters';
  else if (/["\u201c\u201d]/.test(note)) errors.note = 'No quotation marks: say what the page states in your own words';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const fields: Record<FactsCsvColumn, string> = {
    acgme_id: entry.programId,
    fact: entry.fact,
    value: factsCsvValue(entry),
    condition,
    scope: form.scope,
    source_kind: form.kind,
    url,
    page_date: pageDate,
    checked_on: entry.date,
    note,
  };
  return { ok: true, fields, row: FACTS_CSV_COLUMNS.map((c) => csvField(fields[c])).join(',') };
}

/** A one-row facts.csv file (header and row) to download. */
export function contributionFile(row: string): string {
  return `${FACTS_CSV_COLUMNS.join(',')}\n${row}\n`;
}
