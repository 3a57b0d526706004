import { evaluate } from '../../src/engine/plan/evaluate';
import type { VerificationEntry } from '../../src/engine/planner/verification';
import { CTX, drMedianProfile, makeProgram, makePrograms } from './fixtures';

describe('evaluate', () => {
  it('returns eligibility, chance, band, tier and explanation per program, in input order', () => {
    const programs = makePrograms(5, { j1: true });
    const e = evaluate(drMedianProfile(), programs, CTX);
    expect(e.programs.map((r) => r.programId)).toEqual(programs.map((p) => p.id));
    const r = e.programs[0];
    expect(r).toMatchObject({ status: 'eligible', band: 'target', tier: { tier: 3, likely: true }, wanted: true });
    expect(r?.irPathway).toBe('limited');
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

  it('assigns the guide tier from the setting fact when the program states it', () => {
    const program = makeProgram({ seq: 1, setting: 'university' });
    const e = evaluate(drMedianProfile(), [program], CTX);
    expect(e.programs[0]?.tier).toMatchObject({ tier: 2, likely: false });
  });

  it('programs differ: size, setting and IMG history move the chance; a known visa beats an unknown one', () => {
    const programs = [
      makeProgram({ seq: 1, j1: true }),
      makeProgram({ seq: 2, j1: true, positions: 11 }),
      makeProgram({ seq: 3, j1: true, positions: 2 }),
      makeProgram({ seq: 4, j1: true, setting: 'community' }),
      makeProgram({ seq: 5, j1: true, imgRecent: 'yes' }),
      makeProgram({ seq: 6, j1: true, imgRecent: 'no' }),
      makeProgram({ seq: 7 }),
    ];
    const c = evaluate(drMedianProfile(), programs, CTX).programs.map((r) => r.chance.central);
    const [plain, big, small, community, imgYes, imgNo, unknownVisa] = c as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    expect(big).toBeGreaterThan(plain);
    expect(small).toBeLessThan(plain);
    expect(community).toBeGreaterThan(plain);
    expect(imgYes).toBeGreaterThan(plain);
    expect(imgNo).toBeLessThan(plain);
    expect(unknownVisa).toBeCloseTo(plain * 0.731, 12);
    expect(new Set(c.map((x) => x.toFixed(6))).size).toBe(7);
  });

  it('the plan names programs in gain order, spreading ties across states, never by ID', () => {
    const programs = [...makePrograms(40), makeProgram({ seq: 50, j1: true, positions: 9, area: 2 })];
    const e = evaluate(drMedianProfile(), programs, CTX, {
      plan: { dr: { targetInterviews: 1, targetProbability: 0.3 } },
    });
    const ids = e.summary.plans[0]?.programIds ?? [];
    expect(ids[0]).toBe(programs[40]?.id);
    const states = ids.slice(1, 5).map((id) => programs.find((p) => p.id === id)?.state);
    expect(new Set(states).size).toBe(states.length);
  });

  it('lists unknown-visa programs to ask first, by what a yes would add', () => {
    const programs = [
      makeProgram({ seq: 1, positions: 12 }),
      makeProgram({ seq: 2 }),
      makeProgram({ seq: 3, j1: true }),
    ];
    const ask = evaluate(drMedianProfile(), programs, CTX).summary.askFirst;
    expect(ask.map((a) => a.programId)).toEqual([programs[0]?.id, programs[1]?.id]);
    expect(ask[0]?.chanceIfYes).toBeCloseTo((ask[0]?.chanceNow ?? 0) / 0.731, 12);
    expect(ask[0]?.questions[0]).toMatch(/J-1/);
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
