/** One program of the result list: name, place, track, chance, tier and IR pathway; the "why" and what to verify open on demand. */
import { createEffect, createSignal, For, Show } from 'solid-js';
import type { ProgramResult } from '../../engine/plan/evaluate';
import type { Model } from '../../engine/model/model';
import {
  BAND_LABEL,
  IR_PATHWAY_WORDS,
  bandMeaning,
  formatEstimate,
  formatPct,
  tierLabel,
  unknownsToVerify,
  verifiedFactLines,
} from '../../engine/planner/planner-view';
import { TRACK_NAME } from '../../engine/model/score';

const STATUS_LABEL = { eligible: 'Eligible', uncertain: 'Uncertain', ineligible: 'Ineligible' } as const;

/** One program: name, place, track, chance and eligibility; details open on demand. */
export default function ProgramRow(props: {
  result: ProgramResult;
  base: string;
  onList: boolean;
  onToggle: () => void;
  /** Why adding this program to My list was refused, or null. */
  refusal: string | null;
  onVerify: () => void;
  open: boolean;
  model: Model;
}) {
  const r = () => props.result;
  const p = () => props.result.program;
  // The details are built only when opened: 300 rows of explanations would slow every keystroke.
  const [isOpen, setOpen] = createSignal(props.open);
  createEffect(() => {
    if (props.open) setOpen(true);
  });
  return (
    <li class="program-row" id={`p-${p().id}`} data-id={p().id}>
      <div class="row-main">
        <div class="row-name">
          <a href={`${props.base}programs/${p().id}/`}>{p().name}</a>
          <span class="muted small">{` · ${TRACK_NAME[r().track]} · ${p().city}, ${p().state}`}</span>
        </div>
        <div class="row-tags">
          <span class={`tag status-${r().status}`}>{STATUS_LABEL[r().status]}</span>
          <span class="tag">
            <strong>{formatPct(r().chance.central)}</strong>
            {' per application'}
          </span>
          <span class="tag">{tierLabel(r().tier)}</span>
          <span class="tag">{IR_PATHWAY_WORDS[r().irPathway].name}</span>
          <Show when={r().verified}>
            <span class="tag verified">Verified by you</span>
          </Show>
        </div>
        <button
          type="button"
          class={props.onList ? 'small-button' : 'secondary small-button'}
          aria-pressed={props.onList ? 'true' : 'false'}
          onClick={() => props.onToggle()}
        >
          {props.onList ? 'On My list' : 'Add to My list'}
          <span class="visually-hidden">{`: ${p().name}`}</span>
        </button>
      </div>
      <Show when={props.refusal}>
        {(message) => (
          <p class="notice" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <details open={isOpen()} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {`Why ${formatPct(r().chance.central)}, and what to verify`}
          <span class="visually-hidden">{` for ${p().name}`}</span>
        </summary>
        <Show when={isOpen()}>
          <WhyDetails result={r()} onVerify={props.onVerify} base={props.base} model={props.model} />
        </Show>
      </details>
    </li>
  );
}

function WhyDetails(props: { result: ProgramResult; onVerify: () => void; base: string; model: Model }) {
  const r = () => props.result;
  const unknown = () => unknownsToVerify(r().program);
  return (
    <div class="why">
      <p>
        Interview chance per application: <strong>{formatEstimate(r().chance)}</strong> (the central estimate, then the
        model&rsquo;s cautious and hopeful ends).{' '}
        {`Band: ${BAND_LABEL[r().band]}. ${bandMeaning(r().band, props.model)}`}
      </p>
      <p>{`${r().tier.reason} ${IR_PATHWAY_WORDS[r().irPathway].name}: ${IR_PATHWAY_WORDS[r().irPathway].meaning}.`}</p>
      <h4>How the estimate adds up (log-odds, largest first)</h4>
      <ol class="contributions">
        <For each={r().explanation.contributions}>
          {(c) => <li classList={{ up: c.value > 0, down: c.value < 0 }}>{c.sentence}</li>}
        </For>
      </ol>
      <p>{r().explanation.factorSentence}</p>
      <Show when={r().eligibility.reasons.length > 0}>
        <h4>Eligibility</h4>
        <ul>
          <For each={r().eligibility.reasons}>
            {(reason) => (
              <li>
                {reason.message}
                <Show when={reason.question}>
                  {(q) => (
                    <>
                      {' '}
                      Ask: <q>{q()}</q>
                    </>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={unknown().length > 0}>
        <h4>Unknowns to verify</h4>
        <ul>
          <For each={unknown()}>
            {(u) => (
              <li>
                <strong>{u.label}:</strong> {u.question}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={r().verified}>
        <h4>Facts you verified (they replace the dataset&rsquo;s values)</h4>
        <ul>
          <For each={verifiedFactLines(r().program)}>{(line) => <li>{line}</li>}</For>
        </ul>
      </Show>
      <p class="small">
        {r().tier.check} <a href={`${props.base}programs/${r().programId}/`}>Program page and sources</a> ·{' '}
        <button type="button" class="link-button" onClick={() => props.onVerify()}>
          Record what they told you
        </button>
      </p>
    </div>
  );
}
