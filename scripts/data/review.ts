/** The DR ↔ IR-Integrated link table a reviewer reads (content/programs/links.review.csv). */
import type { Program } from '../../src/engine/data/program.ts';
import type { SiblingLink } from '../../src/engine/data/dataset-build.ts';
import { toCsv } from './csv.ts';

/** Columns of the review table. */
export const REVIEW_COLUMNS = [
  'basis',
  'state',
  'dr_id',
  'dr_name',
  'dr_city',
  'ir_id',
  'ir_name',
  'ir_city',
  'reason',
] as const;

/**
 * Every link (basis `same-name` or `override`, with the override's reason), then every IR-Integrated
 * program left without a DR sibling (basis `unmatched-ir`), so a missed link shows up as a row too.
 * Names and cities are the source strings, the ones linking reads.
 */
export function linkReviewCsv(programs: readonly Program[], links: readonly SiblingLink[]): string {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const get = (id: string): Program => {
    const p = byId.get(id);
    if (!p) throw new Error(`link names unknown program ${id}`);
    return p;
  };
  const linkRows = links
    .map((l) => ({ l, dr: get(l.drId), ir: get(l.irId) }))
    .sort(
      (a, b) =>
        a.dr.state.localeCompare(b.dr.state) || a.dr.name.localeCompare(b.dr.name) || a.ir.id.localeCompare(b.ir.id),
    )
    .map(({ l, dr, ir }) => [
      l.basis,
      dr.state,
      dr.id,
      dr.sourceName,
      dr.sourceCity,
      ir.id,
      ir.sourceName,
      ir.sourceCity,
      l.reason ?? '',
    ]);
  const linkedIr = new Set(links.map((l) => l.irId));
  const unmatched = programs
    .filter((p) => p.track === 'ir-integrated' && !linkedIr.has(p.id))
    .sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name))
    .map((ir) => ['unmatched-ir', ir.state, '', '', '', ir.id, ir.sourceName, ir.sourceCity, '']);
  return toCsv(REVIEW_COLUMNS, [...linkRows, ...unmatched]);
}
