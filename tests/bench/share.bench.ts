// Share-link lengths and speed. `npx vitest bench --run tests/bench/share.bench.ts` prints the table of
// link lengths (whole URL, default site address) for 10, 60 and 150 programs, with and without notes,
// then times encoding and decoding a 150-program list with notes. The 60-program bound is asserted in
// tests/engine/share.test.ts.
import { bench, describe } from 'vitest';
import compact from '../../src/generated/programs.min.json';
import { decodeShareFragment, encodeShareFragment, sharePayloadSchema, shareUrl } from '../../src/engine/share/share';

const IDS = (compact as { p: { i: string }[] }).p.map((p) => p.i);
const ROOT = 'https://ir-pathway.example.org/';

/** A realistic note for rank i (the same generator as the test). */
function noteFor(i: number): string {
  return [
    `Emailed coordinator ${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}`,
    i % 3 === 0 ? 'J-1 only, no H-1B' : i % 3 === 1 ? 'sponsors J-1 and H-1B' : 'visa: no answer yet',
    i % 4 === 0 ? 'strong IR, IR–Integrated on site' : i % 4 === 1 ? 'community, few IMGs' : `${(i % 5) + 1} IMGs now`,
    i % 2 === 0 ? `Step 2 cut-off ${225 + (i % 20)}` : 'no score cut-off stated',
  ].join('; ');
}

/** Programs in a fixed shuffled order (the same as the test). */
function rankedIds(count: number): string[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const ids = [...IDS];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ids[i], ids[j]] = [ids[j] ?? '', ids[i] ?? ''];
  }
  return ids.slice(0, count);
}

function link(count: number, notes: boolean): string {
  const list = rankedIds(count).map((id, i) => ({ id, note: notes ? noteFor(i) : '', unhappy: false }));
  const e = encodeShareFragment(sharePayloadSchema.parse({ list, verifications: [], form: null }));
  if (!e.ok) throw new Error(e.message);
  return shareUrl(ROOT, e.fragment);
}

const rows = [10, 60, 150].map((n) => ({ n, without: link(n, false).length, with: link(n, true).length }));
const avgNote = Math.round(rankedIds(150).reduce((s, _, i) => s + noteFor(i).length, 0) / 150);
process.stdout.write(
  [
    '',
    `Share-link length in URL characters (origin ${ROOT}; notes average ${avgNote} characters):`,
    '| programs | without notes | with notes |',
    '| -------: | ------------: | ---------: |',
    ...rows.map((r) => `| ${r.n} | ${r.without} | ${r.with} |`),
    '',
  ].join('\n'),
);

const big = link(150, true);
const fragment = big.slice(big.indexOf('#') + 1);
const payload = sharePayloadSchema.parse({
  list: rankedIds(150).map((id, i) => ({ id, note: noteFor(i), unhappy: false })),
  verifications: [],
  form: null,
});

describe('share link, 150 programs with notes', () => {
  bench('encode', () => {
    encodeShareFragment(payload);
  });
  bench('decode', () => {
    decodeShareFragment(fragment);
  });
});
