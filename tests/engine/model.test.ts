import figuresJson from '../../content/reference/figures.json';
import modelJson from '../../content/reference/model.json';
import { PARAMETER_IDS, sigmoid } from '../../src/engine/model/model';
import { modelFileSchema, resolveModel } from '../../src/engine/model/model-file';
import { referenceFileSchema } from '../../src/engine/model/reference';
import { estimateFor, interviewChance, scoreTable } from '../../src/engine/model/score';
import { mixedSigmoid } from '../../src/engine/model/latent';
import { CTX, drMedianProfile, makeProgram, MODEL } from './fixtures';

const reference = referenceFileSchema.parse(figuresJson);

describe('model.json', () => {
  const file = modelFileSchema.parse(modelJson);

  it('validates and holds every parameter the engine reads', () => {
    expect(file.parameters.map((p) => p.id).sort()).toEqual([...PARAMETER_IDS].sort());
  });

  it.each(file.parameters.map((p) => [p.id, p] as const))('%s has a range, a kind and its reasoning', (_, p) => {
    expect(p.low).toBeLessThanOrEqual(p.value);
    expect(p.value).toBeLessThanOrEqual(p.high);
    expect(p.reasoning.length).toBeGreaterThan(20);
    if (p.kind === 'cited') expect(p.source ?? p.figures?.[0]).toBeTruthy();
  });

  it('cites only sources and figures that exist in figures.json', () => {
    const sources = new Set(reference.sources.map((s) => s.id));
    const figures = new Set(reference.figures.map((f) => f.id));
    for (const p of file.parameters) {
      if (p.source) expect(sources).toContain(p.source);
      for (const f of p.figures ?? []) expect(figures).toContain(f);
    }
  });

  it('puts the intercepts at ±0.3 on the log-odds scale (what moves the back-test across its band)', () => {
    for (const id of ['base.dr', 'base.ir-integrated'] as const) {
      const p = MODEL.params[id];
      expect(p.high - p.value).toBeCloseTo(0.3, 10);
      expect(p.value - p.low).toBeCloseTo(0.3, 10);
    }
  });

  it('says that Charting Outcomes counts only applicants who ranked', () => {
    const q = file.parameters.find((p) => p.id === 'match.q');
    expect(q?.reasoning).toMatch(/counts only applicants who certified a rank list/);
    expect([q?.low, q?.value, q?.high]).toEqual([0.18, 0.25, 0.32]);
  });

  it('reads published numbers from figures.json, not from code', () => {
    expect(MODEL.step2Median).toEqual({ dr: 250, 'ir-integrated': 260 });
    expect(MODEL.visaShare.j1.share).toBeCloseTo(0.731, 10);
    expect(MODEL.visaShare.h1b.share).toBeCloseTo(0.232, 10);
    expect(MODEL.fees).toEqual({
      erasTier1: 11,
      erasTier2: 30,
      erasTier1Programs: 30,
      nrmpIncludedRanks: 20,
      nrmpPerExtraRank: 30,
    });
  });

  it('follows a changed figure', () => {
    const changed = {
      ...reference,
      figures: reference.figures.map((f) => (f.id === 'co.img.dr.step2.matched.median' ? { ...f, value: 245 } : f)),
    };
    expect(resolveModel(modelJson, changed).step2Median.dr).toBe(245);
  });

  it.each([
    ['a missing parameter', { ...modelJson, parameters: modelJson.parameters.slice(1) }, /missing parameter base\.dr/],
    [
      'low above value',
      { ...modelJson, parameters: modelJson.parameters.map((p, i) => (i === 0 ? { ...p, low: 0 } : p)) },
      /low ≤ value ≤ high/,
    ],
    [
      'an unknown figure',
      {
        ...modelJson,
        parameters: modelJson.parameters.map((p, i) => (i === 0 ? { ...p, figures: ['no.such.figure'] } : p)),
      },
      /unknown figure no\.such\.figure/,
    ],
    [
      'a duplicate id',
      { ...modelJson, parameters: [...modelJson.parameters, modelJson.parameters[0]] },
      /duplicate parameter base\.dr/,
    ],
  ])('rejects %s', (_, bad, message) => {
    expect(() => resolveModel(bad, reference)).toThrow(message);
  });
});

describe('the reference profile', () => {
  it.each(['dr', 'ir-integrated'] as const)('gets exactly the base rate on %s (its terms sum to 0)', (track) => {
    const profile = drMedianProfile({ step2: { score: MODEL.step2Median[track], attempts: 1 } });
    const t = scoreTable(profile, MODEL, 2026)[track];
    for (const c of t.applicant) expect([c.id, c.value, c.low, c.high]).toEqual([c.id, 0, 0, 0]);
    const base = MODEL.params[track === 'dr' ? 'base.dr' : 'base.ir-integrated'].value;
    const program = makeProgram({ seq: 1, track });
    const e = estimateFor(t, program, MODEL);
    expect(e.logOdds.central).toBe(base);
    expect(e.probability.central).toBeCloseTo(sigmoid(base), 12);
  });

  it('puts a DR median applicant at about 6% per application at a program known to take the J-1 (averaged over the shift)', () => {
    const p = interviewChance(drMedianProfile(), makeProgram({ seq: 1, j1: true }), CTX).chance.central;
    expect(p).toBeCloseTo(mixedSigmoid(MODEL.params['base.dr'].value, MODEL.params['latent.sigma'].value), 12);
    expect(p).toBeGreaterThan(0.055);
    expect(p).toBeLessThan(0.075);
  });
});
