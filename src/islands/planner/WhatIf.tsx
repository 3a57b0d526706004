/** The what-if panel (anchor "what-if"): the engine's scenarios with their deltas on a fixed list. */
import { For, Show } from 'solid-js';
import { bandMoves, formatEstimate, formatPct } from '../../engine/planner/planner-view';
import { TRACK_NAME } from '../../engine/model/score';
import type { WhatIfResult } from '../../engine/plan/what-if';

interface Props {
  results: readonly WhatIfResult[];
  /** What the fixed list is, in words. */
  basis: string;
}

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${formatPct(Math.abs(x))}`;

/** One row per scenario. */
export default function WhatIf(props: Props) {
  return (
    <section id="what-if" class="planner-section" aria-labelledby="what-if-h">
      <h2 id="what-if-h">What if…</h2>
      <p>
        {`Each change is scored on ${props.basis}, so the numbers show what the change is worth, not a different plan. Each change shows the central estimate, then the range the model finds plausible.`}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label="What-if table">
        <table class="what-if">
          <caption class="visually-hidden">Changes to your profile and what they would change</caption>
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Expected interviews</th>
              <th scope="col">Chance to match</th>
              <th scope="col">Programs changing band</th>
              <th scope="col">Applications recommended</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.results}>
              {(r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  <Show when={r.applicable ? r : null} fallback={<td colSpan={4}>{r.applicable ? '' : r.reason}</td>}>
                    {(a) => (
                      <>
                        <td>
                          {`${a().expected.after.central.toFixed(1)} `}
                          <span class="delta">{`(${formatEstimate(a().expected.delta, (x) => signed(x, 1))})`}</span>
                        </td>
                        <td>
                          {`${formatPct(a().matchChance.after.central)} `}
                          <span class="delta">{`(${formatEstimate(a().matchChance.delta, signedPct)})`}</span>
                        </td>
                        <td>
                          {a().bandChanges.length === 0
                            ? 'none'
                            : `${bandMoves(a().bandChanges).up} up, ${bandMoves(a().bandChanges).down} down`}
                        </td>
                        <td>
                          {Object.entries(a().recommendedCount)
                            .map(([t, c]) => `${TRACK_NAME[t as keyof typeof TRACK_NAME]} ${c.before} → ${c.after}`)
                            .join('; ')}
                        </td>
                      </>
                    )}
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
