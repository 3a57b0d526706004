// The /programs/ search: the prebuilt index finds what people type (typos included), the filter logic
// the island applies, the sentence screen readers hear, and the size budgets of the generated files.
import Fuse from 'fuse.js/basic';
import { compileDataset } from '../../scripts/data/compile.ts';
import { COMPACT_BUDGET_GZIP, SEARCH_INDEX_BUDGET_GZIP, buildOutputs, byteSizes } from '../../scripts/data/outputs.ts';
import { readDatasetSources } from '../../scripts/data/sources.ts';
import { programFacets } from '../../src/engine/data/program-facets.ts';
import { NO_FILTERS, resultSummary, visibleIds, type ListedProgram } from '../../src/islands/program-filters.ts';
import { SEARCH_OPTIONS, type SearchIndexFile } from '../../src/islands/program-search.ts';

const result = compileDataset(readDatasetSources(process.cwd()));
if (!result.ok) throw new Error('content/programs does not compile');
const programs = result.dataset.programs;
const outputs = buildOutputs(result.dataset);
const file = JSON.parse(outputs['search-index.json']) as SearchIndexFile;
// Exactly as the island does it: IDs as documents, the parsed prebuilt index.
const fuse = new Fuse(
  file.ids.map((id) => ({ id })),
  SEARCH_OPTIONS,
  Fuse.parseIndex<{ id: string }>(file.index),
);
const search = (q: string) =>
  fuse
    .search(q)
    .map((r) => r.item.id)
    .sort();
const idsWhere = (test: (name: string, city: string) => boolean) =>
  programs
    .filter((p) => test(p.name, p.city))
    .map((p) => p.id)
    .sort();

describe('search index', () => {
  it('lists every program once, in index order', () => {
    expect(file.ids).toEqual(programs.map((p) => p.id));
  });

  it.each([
    ['mayo', (n: string) => n.startsWith('Mayo Clinic')],
    ['pittsburg', (_n: string, c: string) => c === 'Pittsburgh'],
    ['hopkns', (n: string) => n.includes('Johns Hopkins')],
    ['st louis', (_n: string, c: string) => c === 'St. Louis'],
  ])('%j finds exactly the expected programs', (query, expected) => {
    expect(search(query)).toEqual(idsWhere(expected));
  });

  it('finds programs by state name', () => {
    expect(search('Pennsylvania')).toEqual(
      programs
        .filter((p) => p.state === 'PA')
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe('filters', () => {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const listed: ListedProgram[] = programs.map((p) => ({
    id: p.id,
    track: p.track,
    region: p.region,
    state: p.state,
    facets: programFacets(p, (id) => byId.get(id)),
  }));
  const none = NO_FILTERS;

  it.each([
    [{}, 296],
    [{ track: 'dr' }, 193],
    [{ track: 'ir-integrated' }, 103],
    [{ state: 'NY' }, 35],
    [{ region: 'Territories' }, 1],
    [{ track: 'ir-integrated', state: 'PA' }, 9],
    [
      { flags: ['irIntegrated' as const] },
      103 + new Set(programs.flatMap((p) => (p.track === 'dr' ? [] : p.siblings))).size,
    ],
  ])('%j shows %i programs', (patch, count) => {
    expect(visibleIds(listed, { ...none, ...patch }, null).size).toBe(count);
  });

  it('applies text matches on top of the facets, and ignores the text while the index loads', () => {
    const f = { ...none, query: 'mayo', track: 'dr' };
    expect(visibleIds(listed, f, new Set(search('mayo'))).size).toBe(3);
    expect(visibleIds(listed, f, null).size).toBe(193);
  });

  it.each([
    [6, 296, { ...none, query: 'mayo' }, {}, 'Showing 6 of 296 programs matching “mayo”.'],
    [1, 296, none, { state: 'Puerto Rico' }, 'Showing 1 of 296 programs: in Puerto Rico.'],
    [
      103,
      296,
      none,
      { track: 'IR–Integrated', region: 'West' },
      'Showing 103 of 296 programs: IR–Integrated, in the West.',
    ],
  ])('announces %i of %i', (shown, total, f, labels, sentence) => {
    expect(resultSummary(shown, total, f, labels)).toBe(sentence);
  });
});

describe('generated file budgets', () => {
  it('keeps the compact payload and the search index under their gzip budgets', () => {
    expect(byteSizes(outputs['programs.min.json']).gzip).toBeLessThanOrEqual(COMPACT_BUDGET_GZIP);
    expect(byteSizes(outputs['search-index.json']).gzip).toBeLessThanOrEqual(SEARCH_INDEX_BUDGET_GZIP);
  });
});
