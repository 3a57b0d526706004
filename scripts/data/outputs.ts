/** The files the compile step writes, built from the compiled dataset, and their size budgets. */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import type { Program } from '../../src/engine/data/program.ts';
import { bundledModel } from '../../src/engine/model/bundled-model.ts';
import { STATES, encodeCompactPrograms } from '../../src/engine/data/dataset.ts';
import type { CompiledDataset } from '../../src/engine/data/dataset-build.ts';
import { SEARCH_KEYS, type SearchDoc, type SearchIndexFile } from '../../src/islands/program-search.ts';

/** Most the compact browser payload may weigh, gzipped. */
export const COMPACT_BUDGET_GZIP = 20 * 1024;

/** Most the search index may weigh, gzipped (the /programs/ page fetches it). */
export const SEARCH_INDEX_BUDGET_GZIP = 15 * 1024;

/** Output file name (under src/generated/) → contents. */
export interface Outputs {
  /** Full compiled programs (a `Program[]`), for pages. */
  'programs.json': string;
  /** Hand-checked IR-Independent matches (an `IrIndependentMatch[]`), for the DR program pages. */
  'ir-independent.json': string;
  /** Compact payload for the browser engine. */
  'programs.min.json': string;
  /**
   * `{ "sha256": "<hex>" }` of programs.min.json's bytes, bundled into the islands: a fetched payload
   * with this digest is the one validated here, so the browser need not validate it again.
   */
  'programs.min.sha256.json': string;
  /** fuse.js index for the /programs/ search. */
  'search-index.json': string;
  /** The model resolved and validated against the reference figures, for the browser (no sources, no schemas). */
  'model.json': string;
}

/** The search document of a program: what a person may type to find it. */
export function searchDoc(p: Program): SearchDoc {
  return { name: p.name, city: p.city, state: p.state, stateName: STATES[p.state]?.name ?? p.state };
}

/** Builds the output files' text. */
export function buildOutputs(dataset: CompiledDataset): Outputs {
  const docs = dataset.programs.map(searchDoc);
  const index: SearchIndexFile = {
    ids: dataset.programs.map((p) => p.id),
    index: Fuse.createIndex(SEARCH_KEYS, docs).toJSON(),
  };
  const compact = JSON.stringify(encodeCompactPrograms(dataset.programs, dataset.irIndependent));
  return {
    'programs.json': JSON.stringify(dataset.programs, null, 1) + '\n',
    'ir-independent.json': JSON.stringify(dataset.irIndependent, null, 1) + '\n',
    'programs.min.json': compact,
    'programs.min.sha256.json': JSON.stringify({ sha256: createHash('sha256').update(compact, 'utf8').digest('hex') }),
    'search-index.json': JSON.stringify(index),
    'model.json': JSON.stringify(bundledModel()),
  };
}

/** Raw and gzip byte counts of a text. */
export function byteSizes(text: string): { raw: number; gzip: number } {
  const buf = Buffer.from(text, 'utf8');
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** Bytes as "12.3 KB". */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
