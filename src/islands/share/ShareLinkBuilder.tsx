/**
 * "Share": checkboxes for what goes into the link (list, notes, verified facts; the profile off by
 * default, with a warning), the link in a read-only field with its length, a copy button (Clipboard
 * API, or the text selected for the user to copy) and the system share sheet where the browser has
 * one. The planner embeds it with its state; /share/ shows it when no link is open.
 */
import { createMemo, createSignal, createUniqueId, onMount, Show } from 'solid-js';
import type { PlannerState } from '../../engine/planner/planner-state';
import {
  DEFAULT_SHARE_OPTIONS,
  PROFILE_WARNING,
  buildSharePayload,
  encodeShareFragment,
  isEmptyPayload,
  linkLengthNote,
  shareUrl,
  type ShareOptions,
} from '../../engine/share/share';
import './share.css';
import { groupThousands } from '../../engine/util/format';

interface Props {
  /** The planner state to share from. */
  state: PlannerState;
  /** Site base URL, ending with "/". */
  base: string;
}

type Built =
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; link: string; length: number; warning: string | null };

/** The share-link builder for a planner state. */
export default function ShareLinkBuilder(props: Props) {
  const id = createUniqueId();
  const [options, setOptions] = createSignal<ShareOptions>(DEFAULT_SHARE_OPTIONS);
  // The origin is only known in the browser; until mount the link is not shown.
  const [origin, setOrigin] = createSignal<string | null>(null);
  const [canShare, setCanShare] = createSignal(false);
  const [status, setStatus] = createSignal('');
  let field: HTMLInputElement | undefined;

  onMount(() => {
    setOrigin(window.location.origin);
    setCanShare(typeof navigator.share === 'function');
  });

  const built = createMemo<Built>(() => {
    const payload = buildSharePayload(props.state, options());
    if (isEmptyPayload(payload)) return { kind: 'empty' };
    const encoded = encodeShareFragment(payload);
    if (!encoded.ok) return { kind: 'error', message: encoded.message };
    const link = shareUrl(`${origin() ?? ''}${props.base}`, encoded.fragment);
    return { kind: 'ok', link, ...linkLengthNote(link) };
  });
  const ready = () => {
    const b = built();
    return b.kind === 'ok' ? b : null;
  };
  const errorMessage = () => {
    const b = built();
    return b.kind === 'error' ? b.message : null;
  };
  const link = () => ready()?.link ?? '';
  const set = (patch: Partial<ShareOptions>) => {
    setOptions({ ...options(), ...patch });
    setStatus('');
  };

  const selectLink = () => {
    field?.focus();
    field?.select();
  };
  const copy = async () => {
    const text = link();
    try {
      if (!navigator.clipboard) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(text);
      setStatus('Link copied. Paste it into a message to send it.');
    } catch {
      selectLink();
      setStatus('This browser did not let the page copy. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title: 'IR Pathway: a shared program list', url: link() });
      setStatus('');
    } catch (e) {
      // The user closing the share sheet is not an error.
      if ((e as Error).name !== 'AbortError') setStatus('Sharing did not work here. Copy the link instead.');
    }
  };

  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

  return (
    <div class="share-builder">
      <fieldset>
        <legend>What to put in the link</legend>
        <div class="check">
          <input
            id={`${id}-list`}
            type="checkbox"
            checked={options().list}
            onChange={(e) => set({ list: e.currentTarget.checked })}
          />
          <label for={`${id}-list`}>My list in rank order ({count(props.state.myList.length, 'program')})</label>
        </div>
        <div class="check sub">
          <input
            id={`${id}-notes`}
            type="checkbox"
            checked={options().notes}
            disabled={!options().list}
            onChange={(e) => set({ notes: e.currentTarget.checked })}
          />
          <label for={`${id}-notes`}>My notes on those programs, and my “would be unhappy there” marks</label>
        </div>
        <div class="check">
          <input
            id={`${id}-facts`}
            type="checkbox"
            checked={options().verifications}
            onChange={(e) => set({ verifications: e.currentTarget.checked })}
          />
          <label for={`${id}-facts`}>
            Facts I verified with programs ({count(props.state.verifications.length, 'entry', 'entries')})
          </label>
        </div>
        <div class="check">
          <input
            id={`${id}-profile`}
            type="checkbox"
            checked={options().profile}
            aria-describedby={`${id}-profile-warning`}
            onChange={(e) => set({ profile: e.currentTarget.checked })}
          />
          <label for={`${id}-profile`}>My profile (scores, visa, graduation year, experience)</label>
        </div>
        <p id={`${id}-profile-warning`} class="share-warning">
          <strong>Warning:</strong> {PROFILE_WARNING}
        </p>
      </fieldset>

      <Show when={built().kind === 'empty'}>
        <p class="share-empty">
          Nothing to share yet: tick something above, or add programs to My list in the{' '}
          <a href={`${props.base}planner/`}>planner</a>.
        </p>
      </Show>
      <Show when={errorMessage()}>
        {(message) => (
          <p class="share-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={origin() !== null ? ready() : null}>
        {(b) => (
          <>
            <label for={`${id}-link`} class="share-link-label">
              Share link
            </label>
            <input
              id={`${id}-link`}
              ref={field}
              class="share-link"
              type="text"
              readOnly
              value={b().link}
              aria-describedby={`${id}-length`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p id={`${id}-length`} class="muted share-length">
              {groupThousands(b().length)} characters. Everything is in the link itself, after the “#”: this site never
              receives it. Anyone you send it to can read what you included.
            </p>
            <Show when={b().warning}>{(warning) => <p class="share-warning">{warning()}</p>}</Show>
            <div class="share-actions">
              <button type="button" onClick={() => void copy()}>
                Copy link
              </button>
              <Show when={canShare()}>
                <button type="button" class="secondary" onClick={() => void share()}>
                  Share…
                </button>
              </Show>
            </div>
          </>
        )}
      </Show>
      <p class="share-status" role="status" aria-live="polite">
        {status()}
      </p>
    </div>
  );
}
