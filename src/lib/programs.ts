/** The compiled program dataset, for pages at build time (written by `npm run data:compile`). */
import compiled from '../generated/programs.json';
import { programSchema, type Program } from '../engine/data/program';
import { z } from '../engine/util/zod';

let cache: Program[] | undefined;

/** All compiled programs, validated against the shared schema. */
export function loadPrograms(): Program[] {
  cache ??= z.array(programSchema).parse(compiled);
  return cache;
}
