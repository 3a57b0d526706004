// Engine speed on this 2-core machine. Targets: under 2 ms median to evaluate 296 programs with the
// plan and portfolio (with the applicant's shared shift), under 50 ms for 10,000 synthetic programs. Run with `npx vitest bench --run`;
// the median of our own timings is printed after each task.
import { bench, describe } from 'vitest';
import { evaluate } from '../../src/engine/plan/evaluate';
import { summarizePortfolio } from '../../src/engine/model/portfolio';
import { CTX, drMedianProfile, erasLikePrograms, makeProgram } from '../engine/fixtures';

const profile = drMedianProfile({ tracks: ['ir-integrated', 'dr'], regions: ['South'] });
const eras = erasLikePrograms();
const synthetic = Array.from({ length: 10_000 }, (_, i) =>
  makeProgram({
    seq: (i % 99_999) + 1,
    track: i % 3 === 0 ? 'ir-integrated' : 'dr',
    area: (i % 4) as 0 | 1 | 2 | 3,
    j1: i % 5 === 0 ? true : i % 11 === 0 ? false : 'unknown',
    imgShare: i % 7 === 0 ? 0.2 : i % 13 === 0 ? 0 : 'unknown',
    maxYears: i % 17 === 0 ? 5 : 'unknown',
    positions: i % 3 === 0 ? 2 + (i % 9) : 'unknown',
    setting: i % 4 === 0 ? 'university' : i % 4 === 1 ? 'community' : 'unknown',
    imgRecent: i % 6 === 0 ? 'yes' : 'unknown',
  }),
);

function timed(samples: number[], run: () => unknown): () => void {
  return () => {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  };
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

// Prints our own median once a task has finished its measured run (tinybench calls teardown with
// mode "run" after the samples; vitest's table has no median column).
function report(label: string, samples: number[], target: string) {
  return (_task: unknown, mode?: 'warmup' | 'run') => {
    if (mode !== 'run') return;
    process.stdout.write(`\nmedian ${label}: ${median(samples).toFixed(3)} ms${target}\n`);
  };
}

describe('engine', () => {
  const small: number[] = [];
  const large: number[] = [];
  const portfolio: number[] = [];

  bench(
    'evaluate 296 programs (ERAS 2026 size) + plan + portfolio',
    timed(small, () => evaluate(profile, eras, CTX)),
    {
      time: 1500,
      teardown: report('evaluate 296 programs + plan + portfolio', small, ' (target < 2 ms)'),
    },
  );

  bench(
    'evaluate 10,000 synthetic programs',
    timed(large, () => evaluate(profile, synthetic, CTX)),
    {
      time: 3000,
      teardown: report('evaluate 10,000 synthetic programs', large, ' (target < 50 ms)'),
    },
  );

  // The planner evaluates the same program objects on every profile change, and the engine builds each
  // program's facts key once (a WeakMap). This row shows the cost the first time, when every key is new:
  // each sample evaluates fresh copies of the 10,000 programs (the copying is timed too).
  const fresh: number[] = [];
  bench(
    'evaluate 10,000 synthetic programs, first time (fresh objects)',
    timed(fresh, () =>
      evaluate(
        profile,
        synthetic.map((p) => ({ ...p })),
        CTX,
      ),
    ),
    {
      time: 3000,
      teardown: report('evaluate 10,000 fresh programs (first evaluation, copies included)', fresh, ''),
    },
  );

  const chances = evaluate(profile, eras, CTX).programs.map((r) => r.odds);
  bench(
    'portfolio summary of 296 programs',
    timed(portfolio, () => summarizePortfolio(chances, CTX.model)),
    {
      time: 500,
      teardown: report('portfolio summary of 296 programs', portfolio, ''),
    },
  );
});
