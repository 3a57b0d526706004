/**
 * "Ask these programs first" (anchor "ask-first"): programs whose visa policy is unknown, ordered by how
 * much a "yes" would change the plan, with the chance now and if they say yes, the questions, and an
 * email to copy.
 */
import { createSignal, For, Show } from 'solid-js';
import type { AskFirstRow } from '../../engine/planner/planner-view';

/** The list, or nothing when every program's visa policy is settled. */
export default function AskFirst(props: { rows: readonly AskFirstRow[]; base: string }) {
  return (
    <Show when={props.rows.length > 0}>
      <div class="card ask-first" id="ask-first">
        <h3>Ask these programs first</h3>
        <p class="small">
          Their visa policy is not known, and a &ldquo;yes&rdquo; would change your plan the most. Write to the program
          coordinator; a &ldquo;no&rdquo; saves you the fee, a &ldquo;yes&rdquo; raises the chance. Then record the
          answer in the <a href="#verification">verification log</a>.
        </p>
        <ol class="ask-list">
          <For each={props.rows}>{(row) => <AskRow row={row} base={props.base} />}</For>
        </ol>
      </div>
    </Show>
  );
}

function AskRow(props: { row: AskFirstRow; base: string }) {
  const [status, setStatus] = createSignal('');
  const text = () => `Subject: ${props.row.email.subject}\n\n${props.row.email.body}`;
  const copy = () => {
    // The Clipboard API needs a secure context; where it is missing or refused, the text stays selectable.
    const done = () => setStatus('Copied. Paste it into your email.');
    const failed = () => setStatus('Copying did not work here: select the text above and copy it.');
    if (navigator.clipboard) navigator.clipboard.writeText(text()).then(done, failed);
    else failed();
  };
  return (
    <li>
      <a href={`${props.base}programs/${props.row.id}/`}>{props.row.name}</a>
      <span class="muted small">{` · ${props.row.where}`}</span>
      <p class="small">
        Chance per application: <strong>{props.row.now}</strong> now, <strong>{props.row.ifYes}</strong> if they sponsor
        your visa
        {props.row.inPlan ? ' (already in your plan).' : ' (not in your plan yet).'}
      </p>
      <ul class="small">
        <For each={props.row.questions}>{(q) => <li>{q}</li>}</For>
      </ul>
      <details>
        <summary>
          Email to send<span class="visually-hidden">{` to ${props.row.name}`}</span>
        </summary>
        <pre class="email">{text()}</pre>
        <button type="button" class="secondary small-button" onClick={copy}>
          Copy email<span class="visually-hidden">{` to ${props.row.name}`}</span>
        </button>
        <span role="status" class="small">
          {status()}
        </span>
      </details>
    </li>
  );
}
