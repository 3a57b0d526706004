/** A list of facts the engine worded: term, then value. */
import { Index } from 'solid-js';
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
            <dd>{f().detail}</dd>
          </div>
        )}
      </Index>
    </dl>
  );
}
