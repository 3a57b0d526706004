/**
 * Loads the program list for the shared view: the compact payload the planner also uses, fetched
 * from this site (`<base>data/programs.min.json`) and decoded by the engine. One fetch per page;
 * a failed fetch is not cached, so trying again fetches again.
 */
import { decodeCompactPrograms } from '../engine/dataset';
import type { Program } from '../engine/program';

let cache: Promise<Program[]> | undefined;

/** Every program, from `${base}data/programs.min.json` on this site. */
export function loadPrograms(base: string): Promise<Program[]> {
  cache ??= fetch(`${base}data/programs.min.json`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`The program list could not be loaded (HTTP ${res.status}).`);
      return decodeCompactPrograms(await res.json());
    })
    .catch((e: unknown) => {
      cache = undefined;
      throw e;
    });
  return cache;
}
