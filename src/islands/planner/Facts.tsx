/** A list of facts the engine worded: term, then the central figure, then its range in words. */
import { Index, Show } from 'solid-js';
import type { Fact } from '../../engine/planner/planner-view';

/** The facts as a description list. */
export default function Facts(props: { facts: readonly Fact[] }) {
  return (
    <dl class="facts">
      {/* Index, not For: the facts are new objects on every evaluation, and their rows update in place. */}
      <Index each={props.facts}>
        {(f) => (
          <div>
            <dt>{f().term}</dt>
            <dd>
              {f().detail}
              <Show when={f().range}>
                <span class="range">{f().range}</span>
              </Show>
            </dd>
          </div>
        )}
      </Index>
    </dl>
  );
}
