/** Reads the dataset's source files from content/programs/ (the only file-system access besides the CLI). */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DatasetSources, SourceFile } from './compile.ts';

/** The source file names under content/programs/. */
export const SOURCE_FILES = {
  programs: 'programs.csv',
  facts: 'facts.csv',
  overrides: 'sibling-overrides.csv',
  irIndependentSource: 'ir-independent-source.csv',
  irIndependentMatches: 'ir-independent-matches.csv',
  dolFilings: 'dol-lca-radiology-residents.csv',
  harvestLog: 'harvest-log.csv',
} as const satisfies Record<keyof DatasetSources, string>;

/** Reads every source file of a programs folder; paths in messages are relative to `root`. */
export function readDatasetSources(root: string, dir = join(root, 'content/programs')): DatasetSources {
  const read = (name: string): SourceFile => {
    const path = join(dir, name);
    return { path: relative(root, path), text: readFileSync(path, 'utf8') };
  };
  return {
    programs: read(SOURCE_FILES.programs),
    facts: read(SOURCE_FILES.facts),
    overrides: read(SOURCE_FILES.overrides),
    irIndependentSource: read(SOURCE_FILES.irIndependentSource),
    irIndependentMatches: read(SOURCE_FILES.irIndependentMatches),
    dolFilings: read(SOURCE_FILES.dolFilings),
    harvestLog: read(SOURCE_FILES.harvestLog),
  };
}
