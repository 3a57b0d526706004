/**
 * The verification log (anchor "verification"): what a program told the user. Each entry replaces
 * "unknown" in the user's own results, marked "verified by you on <date>"; one the program's own page
 * states can be contributed to the dataset as a facts.csv row (ContributeFact).
 */
import { createEffect, createSignal, For, onMount, Show } from 'solid-js';
import { compareCode, compareText } from '../../engine/util/format';
import { TRACK_LABEL } from '../../engine/data/dataset';
import type { Program } from '../../engine/data/program';
import {
  VERIFIABLE_FACT_LABEL,
  verificationFromForm,
  verificationValueChoices,
  verificationValueText,
  type VerificationForm,
  type VerificationFormField,
} from '../../engine/planner/planner-view';
import { ADD_REFUSAL_MESSAGE, verificationAddRefusal } from '../../engine/planner/planner-state';
import type { VerificationEntry } from '../../engine/planner/verification';
import ContributeFact from './ContributeFact';

interface Props {
  programs: readonly Program[];
  log: readonly VerificationEntry[];
  form: VerificationForm;
  today: string;
  onForm: (patch: Partial<VerificationForm>) => void;
  onAdd: (entry: VerificationEntry) => void;
  onRemove: (index: number) => void;
}

/** Form and log. */
export default function Verification(props: Props) {
  const [errors, setErrors] = createSignal<Partial<Record<VerificationFormField, string>>>({});
  const [status, setStatus] = createSignal('');
  const [contributing, setContributing] = createSignal<VerificationEntry | null>(null);
  const byId = () => new Map(props.programs.map((p) => [p.id, p]));
  const choices = () => verificationValueChoices(props.form.fact);
  // The ~300 program options are plain DOM options, made once: as Solid nodes with a reactive
  // "selected" each, they were one of the costliest parts of the planner's start-up.
  let programSelect!: HTMLSelectElement;
  onMount(() => {
    const sorted = [...props.programs].sort((a, b) => compareText(a.name, b.name) || compareCode(a.track, b.track));
    for (const p of sorted) programSelect.add(new Option(`${p.name} (${TRACK_LABEL[p.track]}, ${p.state})`, p.id));
    createEffect(() => {
      programSelect.value = props.form.programId;
    });
  });

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const result = verificationFromForm(props.form, (id) => byId().has(id), props.today);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('The answer was not recorded: see the messages above.');
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`vf-${first}`)?.focus();
      return;
    }
    setErrors({});
    const refusal = verificationAddRefusal(props.log, result.entry);
    if (refusal) {
      setStatus(`Not recorded: ${ADD_REFUSAL_MESSAGE[refusal]}`);
      return;
    }
    props.onAdd(result.entry);
    setStatus(`Recorded for ${byId().get(result.entry.programId)?.name ?? result.entry.programId}.`);
  };

  const err = (f: VerificationFormField) => errors()[f];
  const describe = (f: VerificationFormField) => (err(f) ? `vf-${f}-error` : undefined);
  const ErrorText = (p: { field: VerificationFormField }) => (
    <Show when={err(p.field)}>
      {(m) => (
        <p class="field-error" id={`vf-${p.field}-error`}>
          {m()}
        </p>
      )}
    </Show>
  );

  return (
    <section id="verification" class="planner-section" aria-labelledby="verification-h">
      <h2 id="verification-h">Verification log</h2>
      <p>
        When a program answers one of your questions, record it here. Your answer replaces &ldquo;unknown&rdquo; in your
        own results (never in the shared dataset) and is marked as verified by you. If the program’s own web page states
        it, “Contribute” turns your answer into a row for the shared dataset.
      </p>
      <form class="verify-form" onSubmit={submit} aria-label="Record what a program told you">
        <div class="field wide">
          <label for="vf-programId">Program</label>
          <select
            ref={programSelect}
            id="vf-programId"
            aria-invalid={err('programId') ? 'true' : undefined}
            aria-describedby={describe('programId')}
            onChange={(e) => props.onForm({ programId: e.currentTarget.value })}
          >
            <option value="">Choose a program</option>
          </select>
          <ErrorText field="programId" />
        </div>
        <div class="field">
          <label for="vf-fact">What they told you about</label>
          <select
            id="vf-fact"
            onChange={(e) => props.onForm({ fact: e.currentTarget.value as VerificationForm['fact'], value: '' })}
          >
            <For each={Object.entries(VERIFIABLE_FACT_LABEL)}>
              {([value, label]) => (
                <option value={value} selected={props.form.fact === value}>
                  {label}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="vf-value">Their answer</label>
          <Show
            when={choices()}
            fallback={
              <input
                id="vf-value"
                type="text"
                class="short"
                inputmode="numeric"
                autocomplete="off"
                aria-invalid={err('value') ? 'true' : undefined}
                aria-describedby={['vf-value-help', describe('value')].filter(Boolean).join(' ')}
                value={props.form.value}
                onInput={(e) => props.onForm({ value: e.currentTarget.value })}
              />
            }
          >
            {(options) => (
              <select
                id="vf-value"
                aria-invalid={err('value') ? 'true' : undefined}
                aria-describedby={describe('value')}
                onChange={(e) => props.onForm({ value: e.currentTarget.value })}
              >
                <option value="" selected={props.form.value === ''}>
                  Choose
                </option>
                <For each={options()}>
                  {(o) => (
                    <option value={o.value} selected={props.form.value === o.value}>
                      {o.label}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Show>
          <Show when={!choices()}>
            <p class="field-help" id="vf-value-help">
              A number, or &ldquo;none&rdquo;.
            </p>
          </Show>
          <ErrorText field="value" />
        </div>
        <div class="field">
          <label for="vf-date">Date</label>
          <input
            id="vf-date"
            type="date"
            max={props.today}
            aria-invalid={err('date') ? 'true' : undefined}
            aria-describedby={describe('date')}
            value={props.form.date}
            onInput={(e) => props.onForm({ date: e.currentTarget.value })}
          />
          <ErrorText field="date" />
        </div>
        <div class="field wide">
          <label for="vf-how">How you learned it</label>
          <input
            id="vf-how"
            type="text"
            autocomplete="off"
            placeholder="e.g. email from the program coordinator"
            aria-invalid={err('how') ? 'true' : undefined}
            aria-describedby={describe('how')}
            value={props.form.how}
            onInput={(e) => props.onForm({ how: e.currentTarget.value })}
          />
          <ErrorText field="how" />
        </div>
        <div class="actions">
          <button type="submit">Record answer</button>
        </div>
        <p role="status" class="small">
          {status()}
        </p>
      </form>
      <Show when={props.log.length > 0} fallback={<p class="muted">Nothing recorded yet.</p>}>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Answers you recorded">
          <table class="log">
            <caption class="visually-hidden">Answers you recorded</caption>
            <thead>
              <tr>
                <th scope="col">Program</th>
                <th scope="col">Fact</th>
                <th scope="col">Answer</th>
                <th scope="col">Date and how</th>
                <th scope="col">
                  <span class="visually-hidden">Contribute or remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.log}>
                {(entry, i) => (
                  <tr>
                    <td>{byId().get(entry.programId)?.name ?? entry.programId}</td>
                    <td>{VERIFIABLE_FACT_LABEL[entry.fact]}</td>
                    <td>{verificationValueText(entry)}</td>
                    <td>{`${entry.date}, ${entry.how}`}</td>
                    <td>
                      <button type="button" class="secondary small-button" onClick={() => setContributing(entry)}>
                        Contribute<span class="visually-hidden"> this answer to the dataset</span>
                      </button>{' '}
                      <button type="button" class="secondary small-button" onClick={() => props.onRemove(i())}>
                        Remove<span class="visually-hidden"> this answer</span>
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={contributing()}>
        {(entry) => (
          <ContributeFact
            entry={entry()}
            programName={byId().get(entry().programId)?.name ?? entry().programId}
            onClose={() => setContributing(null)}
          />
        )}
      </Show>
    </section>
  );
}
