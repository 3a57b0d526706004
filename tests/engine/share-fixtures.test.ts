// Links made by v1 must open in every later version: these were written once by the v1 encoder and
// are never regenerated. Add fixtures for a new version beside them; do not edit these.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeShareFragment, encodeShareFragment } from '../../src/engine/share/share';

const dir = 'tests/engine/fixtures/share-v1';
const links = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('v1 links keep working', () => {
  it('has the committed fixtures', () => {
    expect(links).toEqual([
      'everything-with-profile.txt',
      'facts-only.txt',
      'list-10-no-notes.txt',
      'list-notes-unicode-markup.txt',
      'sub-path-and-unknown-program.txt',
    ]);
  });

  it.each(links)('%s decodes to its expected payload', (file) => {
    const link = readFileSync(join(dir, file), 'utf8').trim();
    const expected: unknown = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8'));
    expect(link).toMatch(/\/share\/#v1\./);
    const decoded = decodeShareFragment(link);
    expect(decoded).toEqual({ ok: true, version: 1, payload: expected });
    // And what it decodes to can be shared again.
    if (decoded.ok) expect(encodeShareFragment(decoded.payload).ok).toBe(true);
  });
});
