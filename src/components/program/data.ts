/** The compiled program data as the program pages use it (build time only; nothing here ships to the browser). */
import irIndependentRaw from '../../generated/ir-independent.json';
import { loadPrograms } from '../../lib/programs';
import { REGION_ORDER, STATES } from '../../engine/data/dataset.ts';
import { irIndependentMatchSchema, type IrIndependentMatch } from '../../engine/data/dataset-build.ts';
import type { Program } from '../../engine/data/program.ts';
import { z } from '../../engine/util/zod.ts';

/** Every program, validated. */
export const programs: readonly Program[] = loadPrograms();

/** Programs by ACGME ID. */
export const programById: ReadonlyMap<string, Program> = new Map(programs.map((p) => [p.id, p]));

/** Hand-checked IR-Independent matches, validated. */
export const irIndependent: readonly IrIndependentMatch[] = z.array(irIndependentMatchSchema).parse(irIndependentRaw);

/** The IR-Independent matches of a DR program. */
export function irIndependentFor(drId: string): IrIndependentMatch[] {
  return irIndependent.filter((m) => m.drId === drId);
}

/** The programs of the other track at a program's institution (its siblings), in ID order. */
export function siblingsOf(p: Program): Program[] {
  return p.siblings.map((id) => programById.get(id)).filter((s): s is Program => s !== undefined);
}

/**
 * The DR program(s) at a program's institution: the program itself for DR, its DR siblings for an
 * IR–Integrated program. ESIR and the IR–Independent matches belong to them.
 */
export function drAtInstitution(p: Program): Program[] {
  return p.track === 'dr' ? [p] : siblingsOf(p).filter((s) => s.track === 'dr');
}

/** A state's programs, sorted by city then name. */
export interface StateGroup {
  /** USPS code. */
  code: string;
  /** Full name. */
  name: string;
  /** Its programs. */
  programs: Program[];
}

/** Programs grouped by Census region (site order), then by state name. */
export function groupByRegionAndState(list: readonly Program[]): { region: string; states: StateGroup[] }[] {
  return REGION_ORDER.map((region) => {
    const codes = [...new Set(list.filter((p) => p.region === region).map((p) => p.state))];
    const states = codes
      .map((code) => ({
        code,
        name: STATES[code]?.name ?? code,
        programs: list
          .filter((p) => p.state === code)
          .sort(
            (a, b) => a.city.localeCompare(b.city) || a.name.localeCompare(b.name) || a.track.localeCompare(b.track),
          ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { region, states };
  }).filter((g) => g.states.length > 0);
}
