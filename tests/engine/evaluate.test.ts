import { evaluate } from '../../src/engine/plan/evaluate';
import type { VerificationEntry } from '../../src/engine/planner/verification';
import { CTX, drMedianProfile, makeProgram, makePrograms } from './fixtures';

describe('evaluate', () => {
  it('returns eligibility, chance, band, tier and explanation per program, in input order', () => {
    const programs = makePrograms(5, { j1: true });
    const e = evaluate(drMedianProfile(), programs, CTX);
    expect(e.programs.map((r) => r.programId)).toEqual(programs.map((p) => p.id));
    const r = e.programs[0];
    expect(r).toMatchObject({ status: 'eligible', band: 'target', tier: { tier: 'unassigned' }, wanted: true });
    expect(r?.explanation.contributions.length).toBeGreaterThan(10);
  });

  it('applies the verification log and marks the program as verified', () => {
    const program = makeProgram({ seq: 1 });
    const log: VerificationEntry[] = [
      { programId: program.id, fact: 'j1', value: true, date: '2026-10-01', how: 'email from the coordinator' },
    ];
    const before = evaluate(drMedianProfile(), [program], CTX).programs[0];
    const after = evaluate(drMedianProfile(), [program], { ...CTX, verifications: log }).programs[0];
    expect(before?.status).toBe('uncertain');
    expect(after?.status).toBe('eligible');
    expect(after?.verified).toBe(true);
    expect(after?.program.facts.j1.source).toBe('verified by you on 2026-10-01 (email from the coordinator)');
    expect(after?.chance.central).toBeGreaterThan(before?.chance.central ?? 1);
  });

  it('leaves IR–Independent programs out and lists them', () => {
    const e = evaluate(
      drMedianProfile(),
      [makeProgram({ seq: 1, track: 'ir-independent' }), makeProgram({ seq: 2 })],
      CTX,
    );
    expect(e.programs).toHaveLength(1);
    expect(e.summary.notModelled).toEqual(['4153500001']);
  });

  it('assigns the guide tier when a dataset supplies the setting', () => {
    const program = makeProgram({ seq: 1 });
    const e = evaluate(drMedianProfile(), [program], {
      ...CTX,
      tierFacts: { [program.id]: { setting: { value: 'university', source: 'test' } } },
    });
    expect(e.programs[0]?.tier.tier).toBe(2);
  });

  it('marks programs in the preferred regions or states', () => {
    const programs = makePrograms(4, { j1: true }); // one per region
    const e = evaluate(drMedianProfile({ regions: ['South'], states: ['NY'] }), programs, CTX);
    expect(
      e.programs
        .filter((r) => r.preferred)
        .map((r) => r.program.state)
        .sort(),
    ).toEqual(['NY', 'TX']);
  });

  it('shares one explanation between programs with the same facts', () => {
    const e = evaluate(drMedianProfile(), makePrograms(3), CTX);
    expect(e.programs[0]?.explanation.contributions).toBe(e.programs[2]?.explanation.contributions);
  });

  it('rejects a malformed date', () => {
    expect(() => evaluate(drMedianProfile(), [], { ...CTX, today: '1/12/2026' })).toThrow();
  });
});
