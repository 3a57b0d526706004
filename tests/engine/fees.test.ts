import {
  erasCostCurve,
  erasFeeForSchedule,
  erasFeesForSchedule,
  formatUsd,
  MAX_FEE_COUNT,
  nrmpRankFeeForSchedule,
  parseProgramCount,
} from '../../src/engine/plan/fees';
import { erasFee, nrmpRankFee } from '../../src/engine/plan/plan';
import { MODEL } from './fixtures';

const FEES = MODEL.fees;

describe('fee rules on the plain schedule', () => {
  it('match the model-based functions the planner uses', () => {
    for (let n = 0; n <= 120; n++) {
      expect(erasFeeForSchedule(n, FEES)).toBe(erasFee(n, MODEL));
      expect(nrmpRankFeeForSchedule(n, FEES)).toBe(nrmpRankFee(n, MODEL));
    }
  });

  it('start each specialty again at the lower fee', () => {
    expect(erasFeesForSchedule({ dr: 40, 'ir-integrated': 10 }, FEES)).toEqual({
      perTrack: { dr: erasFeeForSchedule(40, FEES), 'ir-integrated': erasFeeForSchedule(10, FEES) },
      total: erasFeeForSchedule(40, FEES) + erasFeeForSchedule(10, FEES),
    });
  });

  it('give a cumulative curve whose steps are the tier fees', () => {
    const curve = erasCostCurve(60, FEES);
    expect(curve).toHaveLength(61);
    expect(curve[0]).toBe(0);
    for (let n = 1; n <= 60; n++) {
      const step = (curve[n] ?? 0) - (curve[n - 1] ?? 0);
      expect(step).toBe(n <= FEES.erasTier1Programs ? FEES.erasTier1 : FEES.erasTier2);
    }
  });

  it.each([-1, 1.5, Number.NaN])('reject %d programs', (n) => {
    expect(() => erasFeeForSchedule(n, FEES)).toThrow(RangeError);
    expect(() => nrmpRankFeeForSchedule(n, FEES)).toThrow(RangeError);
  });
});

describe('parseProgramCount', () => {
  it.each([
    ['0', 0],
    [' 40 ', 40],
    ['', 0],
    [String(MAX_FEE_COUNT), MAX_FEE_COUNT],
  ])('reads %j as %i', (text, value) => {
    expect(parseProgramCount(text)).toEqual({ ok: true, value });
  });

  it.each(['-1', '2.5', 'forty', '1e2', '1,000', String(MAX_FEE_COUNT + 1)])('rejects %j in plain words', (text) => {
    expect(parseProgramCount(text)).toEqual({ ok: false, message: `Enter a whole number from 0 to ${MAX_FEE_COUNT}` });
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0'],
    [630, '$630'],
    [1230, '$1,230'],
  ])('%i → %s', (n, s) => {
    expect(formatUsd(n)).toBe(s);
  });
});
