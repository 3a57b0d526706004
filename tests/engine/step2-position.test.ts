import { placeStep2, quarterOf, type ScoreDistribution } from '../../src/engine/model/step2-position';

const dr: ScoreDistribution = { id: 'dr', label: 'Matched DR', q1: 243, median: 250, q3: 262, source: 'test' };

describe('quarterOf', () => {
  it.each([
    [200, 'below-q1'],
    [242, 'below-q1'],
    [243, 'q1-to-median'],
    [249, 'q1-to-median'],
    [250, 'median-to-q3'],
    [261, 'median-to-q3'],
    [262, 'above-q3'],
    [300, 'above-q3'],
  ] as const)('%i is %s', (score, quarter) => {
    expect(quarterOf(score, dr)).toBe(quarter);
  });
});

describe('placeStep2', () => {
  it('says how far from the median, in words', () => {
    const [p] = placeStep2(262, [dr]);
    expect(p?.vsMedian).toBe(12);
    expect(p?.sentence).toBe(
      'Matched DR: 262 is 12 points above the median of 250, in the top quarter (at or above Q3).',
    );
  });
  it('handles one point and equality', () => {
    expect(placeStep2(249, [dr])[0]?.sentence).toContain('1 point below');
    expect(placeStep2(250, [dr])[0]?.sentence).toContain('equal to the median');
  });
  it.each([0, 301, 250.5, Number.NaN])('rejects %s with a plain message', (bad) => {
    expect(() => placeStep2(bad, [dr])).toThrow('Step 2 CK is a whole-number score from 1 to 300');
  });
});
