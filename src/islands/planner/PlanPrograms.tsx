/** The programs a track's plan names, in plan order, each with its chance, band, tier, IR pathway and why it is there. */
import { createSignal, For, Show } from 'solid-js';
import { BAND_LABEL, IR_PATHWAY_WORDS, type PlanProgramRow } from '../../engine/planner/planner-view';

/** Programs shown before "Show all". */
const FIRST = 15;

/** The named plan of one track. */
export default function PlanPrograms(props: { rows: readonly PlanProgramRow[]; track: string; base: string }) {
  const [all, setAll] = createSignal(false);
  // A few more than FIRST are shown whole rather than hidden behind a button.
  const shown = () => (all() || props.rows.length <= FIRST + 5 ? props.rows : props.rows.slice(0, FIRST));
  return (
    <Show when={props.rows.length > 0}>
      <h4>{`The ${props.rows.length} programs, in plan order`}</h4>
      <ol class="plan-programs">
        <For each={shown()}>
          {(row) => (
            <li>
              <a href={`${props.base}programs/${row.id}/`}>{row.name}</a>
              <span class="muted small">{` · ${row.place}`}</span>
              <div class="row-tags">
                <span class="tag">
                  <strong>{row.chance}</strong>
                  {' per application'}
                </span>
                <span class={`tag band-${row.band}`}>{BAND_LABEL[row.band]}</span>
                <span class="tag">{row.tier}</span>
                <span class="tag">{IR_PATHWAY_WORDS[row.irPathway].name}</span>
              </div>
              <p class="small">{row.reason}</p>
            </li>
          )}
        </For>
      </ol>
      <Show when={shown().length < props.rows.length}>
        <button type="button" class="secondary small-button" onClick={() => setAll(true)}>
          {`Show all ${props.rows.length} ${props.track} programs in the plan`}
        </button>
      </Show>
    </Show>
  );
}
