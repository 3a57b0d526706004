/**
 * Contribute a fact: turns one verification log entry, plus the page that states it, into a ready row
 * for content/programs/facts.csv to copy or download. The row and its rules are the engine's
 * (contributionRow); this file only holds the form and offers the result.
 */
import { createSignal, For, onMount, Show } from 'solid-js';
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_KIND_LABEL,
  contributionFile,
  contributionRow,
  defaultContributionForm,
  type ContributionField,
  type ContributionForm,
} from '../../engine/planner/fact-contribution';
import type { VerificationEntry } from '../../engine/planner/verification';
import { download } from './download';

interface Props {
  /** The log entry to contribute. */
  entry: VerificationEntry;
  /** The program's name, for the heading. */
  programName: string;
  /** Closes the form. */
  onClose: () => void;
}

/** The contribution form for one log entry, and the row it makes. */
export default function ContributeFact(props: Props) {
  const [form, setForm] = createSignal<ContributionForm>(defaultContributionForm());
  const [errors, setErrors] = createSignal<Partial<Record<ContributionField, string>>>({});
  const [row, setRow] = createSignal('');
  const [status, setStatus] = createSignal('');
  const patch = (p: Partial<ContributionForm>) => {
    setForm({ ...form(), ...p });
    setRow('');
  };
  const err = (f: ContributionField) => errors()[f];
  const describe = (f: ContributionField, help?: string) =>
    [help, err(f) ? `cf-${f}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const ErrorText = (p: { field: ContributionField }) => (
    <Show when={err(p.field)}>
      {(m) => (
        <p class="field-error" id={`cf-${p.field}-error`}>
          {m()}
        </p>
      )}
    </Show>
  );

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const result = contributionRow(props.entry, form());
    if (!result.ok) {
      setErrors(result.errors);
      setRow('');
      setStatus('No row yet: see the messages above.');
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`cf-${first}`)?.focus();
      return;
    }
    setErrors({});
    setRow(result.row);
    setStatus('The row is ready below: copy it or download it.');
  };
  // Opened from a log row: take the reader straight to the first field.
  onMount(() => document.getElementById('cf-url')?.focus());
  const copy = () =>
    navigator.clipboard?.writeText(row()).then(
      () => setStatus('Row copied.'),
      () => setStatus('Copying was blocked: select the row and copy it.'),
    ) ?? setStatus('Copying is not available here: select the row and copy it.');

  return (
    <section class="contribute" aria-labelledby="contribute-h">
      <h3 id="contribute-h">Contribute this fact: {props.programName}</h3>
      <p>
        Only a statement on the program’s or institution’s own web page can go into the dataset (an email answer cannot:
        ask where the website says it). Name that page, and say what it states in your own words.
      </p>
      <form class="verify-form" onSubmit={submit} aria-label="Make a row for the program dataset">
        <div class="field wide">
          <label for="cf-url">Web address of the page that states it</label>
          <input
            id="cf-url"
            type="url"
            autocomplete="off"
            aria-invalid={err('url') ? 'true' : undefined}
            aria-describedby={describe('url')}
            value={form().url}
            onInput={(e) => patch({ url: e.currentTarget.value })}
          />
          <ErrorText field="url" />
        </div>
        <div class="field">
          <label for="cf-kind">Whose page it is</label>
          <select id="cf-kind" onChange={(e) => patch({ kind: e.currentTarget.value as ContributionForm['kind'] })}>
            <For each={CONTRIBUTION_KINDS}>
              {(k) => (
                <option value={k} selected={form().kind === k}>
                  {CONTRIBUTION_KIND_LABEL[k]}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="cf-scope">Whom it speaks for</label>
          <select id="cf-scope" onChange={(e) => patch({ scope: e.currentTarget.value as ContributionForm['scope'] })}>
            <option value="program" selected={form().scope === 'program'}>
              This radiology program
            </option>
            <option value="institution" selected={form().scope === 'institution'}>
              The whole institution
            </option>
          </select>
        </div>
        <div class="field">
          <label for="cf-pageDate">Date the page shows</label>
          <input
            id="cf-pageDate"
            type="text"
            class="short"
            autocomplete="off"
            aria-invalid={err('pageDate') ? 'true' : undefined}
            aria-describedby={describe('pageDate', 'cf-pageDate-help')}
            value={form().pageDate}
            onInput={(e) => patch({ pageDate: e.currentTarget.value })}
          />
          <p class="field-help" id="cf-pageDate-help">
            YYYY, YYYY-MM or YYYY-MM-DD, or “undated”. Read on {props.entry.date}.
          </p>
          <ErrorText field="pageDate" />
        </div>
        <div class="field wide">
          <label for="cf-condition">Conditions the page attaches (optional)</label>
          <input
            id="cf-condition"
            type="text"
            autocomplete="off"
            placeholder="e.g. Step 3 passed before ranking"
            aria-invalid={err('condition') ? 'true' : undefined}
            aria-describedby={describe('condition')}
            value={form().condition}
            onInput={(e) => patch({ condition: e.currentTarget.value })}
          />
          <ErrorText field="condition" />
        </div>
        <div class="field wide">
          <label for="cf-note">What the page states, in your own words (no quotations)</label>
          <textarea
            id="cf-note"
            rows="3"
            aria-invalid={err('note') ? 'true' : undefined}
            aria-describedby={describe('note')}
            value={form().note}
            onInput={(e) => patch({ note: e.currentTarget.value })}
          />
          <ErrorText field="note" />
        </div>
        <div class="actions">
          <button type="submit">Make the row</button>{' '}
          <button type="button" class="secondary" onClick={() => props.onClose()}>
            Close
          </button>
        </div>
        <p role="status" class="small">
          {status()}
        </p>
      </form>
      <Show when={row()}>
        <div class="field">
          <label for="cf-row">Row for content/programs/facts.csv</label>
          <textarea id="cf-row" rows="4" readonly value={row()} />
        </div>
        <p>
          <button type="button" onClick={copy}>
            Copy row
          </button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() =>
              download(`facts-${props.entry.programId}-${props.entry.fact}.csv`, contributionFile(row()), 'text/csv')
            }
          >
            Download as CSV
          </button>
        </p>
        <p class="small">
          Send it as an issue or a pull request adding the row to content/programs/facts.csv; the file’s README says
          what a maintainer checks before it goes in.
        </p>
      </Show>
    </section>
  );
}
