/** "Where does my Step 2 CK sit?": a score box and a chart of published distributions (engine: placeStep2). */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { placeStep2, type ScoreDistribution } from '../engine/model/step2-position';
import { registerServiceWorker } from './register-sw';

interface Props {
  /** Published distributions, built from content/reference at build time. */
  distributions: ScoreDistribution[];
}

const MIN = 225;
const MAX = 280;
const W = 560;
const LEFT = 170;
const ROW = 34;

/** Maps a score to an x position in the chart. */
const x = (score: number) => LEFT + ((Math.min(MAX, Math.max(MIN, score)) - MIN) / (MAX - MIN)) * (W - LEFT - 12);

export default function Step2Position(props: Props) {
  // The guide works offline once a widget page has registered the service worker.
  onMount(() => registerServiceWorker(import.meta.env.BASE_URL));
  const [raw, setRaw] = createSignal('');
  const score = createMemo(() => {
    const text = raw().trim();
    if (text === '') return { ok: false as const, message: '' };
    const n = Number(text);
    try {
      return { ok: true as const, value: n, placements: placeStep2(n, props.distributions) };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  });
  const height = () => props.distributions.length * ROW + 34;
  const ticks = [230, 240, 250, 260, 270, 280];

  return (
    <figure class="step2">
      <label for="step2-score">Your Step 2 CK score</label>
      <input
        id="step2-score"
        inputmode="numeric"
        autocomplete="off"
        placeholder="e.g. 252"
        value={raw()}
        onInput={(e) => setRaw(e.currentTarget.value)}
        aria-describedby="step2-error step2-help"
        aria-invalid={!score().ok && score().message !== '' ? 'true' : undefined}
      />
      <p id="step2-help" class="help">
        Boxes show the middle half of each group (Q1 to Q3); the bar inside is the median.
      </p>
      <p id="step2-error" class="error" role="alert">
        {!score().ok ? score().message : ''}
      </p>
      <svg
        viewBox={`0 0 ${W} ${height()}`}
        role="img"
        aria-labelledby="step2-svg-title"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="step2-svg-title">
          Step 2 CK median and middle half for each group, with your score marked when you enter one.
        </title>
        <For each={ticks}>
          {(t) => (
            <g>
              <line x1={x(t)} x2={x(t)} y1={8} y2={height() - 22} class="grid" />
              <text x={x(t)} y={height() - 6} text-anchor="middle" class="tick">
                {t}
              </text>
            </g>
          )}
        </For>
        <For each={props.distributions}>
          {(d, i) => {
            const y = () => 12 + i() * ROW;
            return (
              <g>
                <text x={0} y={y() + 15} class="label">
                  {d.label}
                </text>
                <rect x={x(d.q1)} y={y()} width={x(d.q3) - x(d.q1)} height={20} class="box" />
                <line x1={x(d.median)} x2={x(d.median)} y1={y()} y2={y() + 20} class="median" />
              </g>
            );
          }}
        </For>
        <Show when={score().ok && score()}>
          {(s) => {
            const v = () => (s() as { value: number }).value;
            return (
              <g>
                <line x1={x(v())} x2={x(v())} y1={4} y2={height() - 22} class="you" />
                <text x={Math.min(x(v()) + 4, W - 40)} y={10} class="you-label">
                  You
                </text>
              </g>
            );
          }}
        </Show>
      </svg>
      <figcaption>
        <Show when={score().ok} fallback={<p>Enter a score to see where it sits in each group.</p>}>
          <ul aria-live="polite">
            <For each={(score() as { placements: ReturnType<typeof placeStep2> }).placements}>
              {(p) => <li>{p.sentence}</li>}
            </For>
          </ul>
        </Show>
        <p class="help">
          Sources: {[...new Set(props.distributions.map((d) => d.source))].join('; ')}. Charting Outcomes counts only
          applicants who ranked programs, so these groups leave out people who got no interview.
        </p>
      </figcaption>
    </figure>
  );
}
