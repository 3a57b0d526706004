/** Where a Step 2 CK score sits against published distributions (median and quartiles). */
// A plain interface, not a zod schema: distributions are built at build time from the validated
// reference figures and never parsed from user input, and zod would add 13 KB to the guide widget.

/** One published score distribution, e.g. matched non-US IMGs in DR. */
export interface ScoreDistribution {
  /** Stable key. */
  id: string;
  /** Who the distribution describes. */
  label: string;
  /** First quartile. */
  q1: number;
  /** Median. */
  median: number;
  /** Third quartile. */
  q3: number;
  /** Source, in words, with year. */
  source: string;
}

/** Which quarter of a distribution a score falls in. */
export type Quarter = 'below-q1' | 'q1-to-median' | 'median-to-q3' | 'above-q3';

/** A score placed against one distribution. */
export interface ScorePlacement {
  /** The distribution's id. */
  id: string;
  /** The distribution's label. */
  label: string;
  /** Which quarter the score falls in. */
  quarter: Quarter;
  /** Score minus the median (negative = below). */
  vsMedian: number;
  /** The placement in plain words. */
  sentence: string;
}

/** Returns the quarter of `d` that `score` falls in (a score equal to a boundary counts as at or above it). */
export function quarterOf(score: number, d: ScoreDistribution): Quarter {
  if (score < d.q1) return 'below-q1';
  if (score < d.median) return 'q1-to-median';
  if (score < d.q3) return 'median-to-q3';
  return 'above-q3';
}

const QUARTER_WORDS: Record<Quarter, string> = {
  'below-q1': 'below the lowest quarter (under Q1)',
  'q1-to-median': 'in the lower middle (between Q1 and the median)',
  'median-to-q3': 'in the upper middle (between the median and Q3)',
  'above-q3': 'in the top quarter (at or above Q3)',
};

/** Places a Step 2 CK score against each distribution, in plain words. Throws on a score outside 1–300. */
export function placeStep2(score: number, distributions: readonly ScoreDistribution[]): ScorePlacement[] {
  if (!Number.isInteger(score) || score < 1 || score > 300) {
    throw new RangeError('Step 2 CK is a whole-number score from 1 to 300');
  }
  return distributions.map((d) => {
    const vsMedian = score - d.median;
    const quarter = quarterOf(score, d);
    const diff =
      vsMedian === 0
        ? 'equal to the median'
        : `${Math.abs(vsMedian)} point${Math.abs(vsMedian) === 1 ? '' : 's'} ${vsMedian > 0 ? 'above' : 'below'} the median of ${d.median}`;
    return {
      id: d.id,
      label: d.label,
      quarter,
      vsMedian,
      sentence: `${d.label}: ${score} is ${diff}, ${QUARTER_WORDS[quarter]}.`,
    };
  });
}
