/**
 * What the shared view shows, as pure functions: the link's programs checked against the dataset
 * (unknown IDs named and left out), the comparison with the recipient's own list, the recipient's
 * results in words, and the sender's verified facts in words.
 */
import { FACT_COPY, formatFactValue } from '../data/dataset';
import type { ProgramResult } from '../plan/evaluate';
import type { Range } from '../model/model';
import type { MyListEntry } from '../planner/planner-state';
import { defaultProfileForm, profileFromForm, type ProfileForm } from '../planner/profile-form';
import type { Profile } from '../profile/profile';
import type { SharePayload } from './share';
import type { VerificationEntry } from '../planner/verification';

/** A decoded payload checked against the program list. */
export interface ResolvedShare {
  /** Shared list entries whose programs we know, in the sender's order. */
  readonly list: MyListEntry[];
  /** Verified facts about programs we know. */
  readonly verifications: VerificationEntry[];
  /** Program IDs in the link that are not in our program list, in first-seen order. */
  readonly unknownIds: string[];
  /** A plain message naming the unknown IDs, or null when there are none. */
  readonly notice: string | null;
}

/** Keeps what refers to known programs and names the rest. */
export function resolveShare(payload: SharePayload, knownIds: ReadonlySet<string>): ResolvedShare {
  const unknown = new Set<string>();
  for (const e of payload.list) if (!knownIds.has(e.id)) unknown.add(e.id);
  for (const v of payload.verifications) if (!knownIds.has(v.programId)) unknown.add(v.programId);
  const unknownIds = [...unknown];
  const notice =
    unknownIds.length === 0
      ? null
      : `${unknownIds.length === 1 ? 'One program' : `${unknownIds.length} programs`} in this link ${unknownIds.length === 1 ? 'is' : 'are'} not in our program list (perhaps closed, renumbered, or mistyped), so ${unknownIds.length === 1 ? 'it is' : 'they are'} left out: ${unknownIds.join(', ')}. Everything else is shown.`;
  return {
    list: payload.list.filter((e) => knownIds.has(e.id)),
    verifications: payload.verifications.filter((v) => knownIds.has(v.programId)),
    unknownIds,
    notice,
  };
}

/** The shared list next to mine. */
export interface ListComparison {
  /** On both lists, in the sender's order. */
  readonly both: string[];
  /** Only on the shared list, in the sender's order. */
  readonly onlyTheirs: string[];
  /** Only on my list, in my order. */
  readonly onlyMine: string[];
}

/** Splits two lists into in both, only theirs, only mine. */
export function compareLists(
  mine: readonly Pick<MyListEntry, 'id'>[],
  theirs: readonly Pick<MyListEntry, 'id'>[],
): ListComparison {
  const mineIds = new Set(mine.map((e) => e.id));
  const theirIds = new Set(theirs.map((e) => e.id));
  return {
    both: theirs.filter((e) => mineIds.has(e.id)).map((e) => e.id),
    onlyTheirs: theirs.filter((e) => !mineIds.has(e.id)).map((e) => e.id),
    onlyMine: mine.filter((e) => !theirIds.has(e.id)).map((e) => e.id),
  };
}

/** The profile to score with, or null when the form is still the blank default or not valid. */
export function profileToScore(form: ProfileForm | null): Profile | null {
  if (form === null || JSON.stringify(form) === JSON.stringify(defaultProfileForm())) return null;
  const built = profileFromForm(form);
  return built.ok ? built.profile : null;
}

const STATUS_WORDS: Readonly<Record<ProgramResult['status'], string>> = {
  eligible: 'Eligible',
  uncertain: 'Uncertain: ask the program',
  ineligible: 'Not eligible',
};

const BAND_WORDS: Readonly<Record<ProgramResult['band'], string>> = {
  reach: 'Reach',
  target: 'Target',
  likely: 'Likely',
  excluded: 'Excluded',
};

/** A share (0–1) as a percentage a person reads easily: "under 0.1%", "0.8%", "12%". */
export function formatPercent(share: number): string {
  const p = share * 100;
  if (p < 0.1) return p <= 0 ? '0%' : 'under 0.1%';
  if (p < 10) return `${(Math.round(p * 10) / 10).toString()}%`;
  return `${Math.round(p)}%`;
}

/** An interview-chance range in words: "0.1% to 0.9% per application (about 0.3%)". */
export function formatChance(range: Range): string {
  return `${formatPercent(range.low)} to ${formatPercent(range.high)} per application (about ${formatPercent(range.central)})`;
}

/** One program's result for the recipient, in words. */
export interface ResultWords {
  /** Eligible / Uncertain / Not eligible. */
  readonly eligibility: string;
  /** The chance range. */
  readonly chance: string;
  /** Reach / Target / Likely / Excluded. */
  readonly band: string;
  /** The first reason behind a not-eligible or uncertain result. */
  readonly reason: string | null;
}

/** The recipient's result for one program, in words. */
export function resultWords(result: ProgramResult): ResultWords {
  return {
    eligibility: STATUS_WORDS[result.status],
    chance: result.status === 'ineligible' ? 'none while this rule stands' : formatChance(result.chance),
    band: BAND_WORDS[result.band],
    reason: result.eligibility.reasons[0]?.message ?? null,
  };
}

/** A verified fact in words: label, answer and where it came from. */
export function factWords(entry: VerificationEntry): { label: string; answer: string; source: string } {
  return {
    label: FACT_COPY[entry.fact].label,
    answer: formatFactValue(entry.fact, entry.value),
    source: `verified on ${entry.date} (${entry.how})`,
  };
}

/** For each shared fact, my entries for the same program and fact that give a different answer. */
export function differingFromMine(
  theirs: readonly VerificationEntry[],
  mine: readonly VerificationEntry[],
): Map<VerificationEntry, VerificationEntry[]> {
  const out = new Map<VerificationEntry, VerificationEntry[]>();
  for (const t of theirs) {
    const differ = mine.filter((m) => m.programId === t.programId && m.fact === t.fact && m.value !== t.value);
    if (differ.length > 0) out.set(t, differ);
  }
  return out;
}

/** A notice when notes or "how" texts look like web markup; they are shown as plain text either way. */
export function markupNotice(payload: SharePayload): string | null {
  const looksLikeMarkup = (s: string) => /<\s*\/?\s*[a-z!?]|javascript:|&#?\w+;/i.test(s);
  const texts = [...payload.list.map((e) => e.note), ...payload.verifications.map((v) => v.how)];
  return texts.some(looksLikeMarkup)
    ? 'Some notes in this link contain text that looks like web code (such as <script>). It is shown exactly as written, as plain text, and never run.'
    : null;
}

/** Shown when this browser blocks saved data, so the recipient's own list is out of reach. */
export const STORE_UNAVAILABLE_NOTICE =
  'This browser does not let the site keep saved data, so your own list is not compared here and nothing can be copied into it.';

/** Shown up front when the recipient's saved planner data cannot be read. */
export const STORE_UNREADABLE_NOTICE =
  'Your saved planner data in this browser cannot be read, so your own list is not compared here, and nothing will be copied into it: that would replace it. Open the planner to download it first.';
