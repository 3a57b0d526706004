import fc from 'fast-check';
import { truncateByCodePoint, truncateText } from '../../src/engine/util/format';

const graphemes = (s: string) =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

const DOCTOR = '👩🏽‍⚕️'; // woman, skin tone, zero-width joiner, staff of Aesculapius, variation selector: 7 code units
const E_ACUTE = 'e\u0301'; // "é" as e + combining acute accent

describe.each([
  ['truncateText', truncateText],
  ['truncateByCodePoint (the fallback without Intl.Segmenter)', truncateByCodePoint],
])('%s', (_name, cut) => {
  it.each([
    ['an emoji sequence', DOCTOR],
    ['a letter with a combining accent', E_ACUTE],
  ])('never cuts %s in half at the limit', (_what, char) => {
    for (let inside = 1; inside < char.length; inside++) {
      // The limit falls `inside` code units into the character: it is left out whole.
      expect(cut(`abc${char}def`, 3 + inside)).toBe('abc');
    }
    expect(cut(`abc${char}def`, 3 + char.length)).toBe(`abc${char}`);
  });

  it('keeps a surrogate pair whole', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('ab😀', 4)).toBe('ab😀');
  });

  it('returns text that fits as it is, and cuts plain text at the limit', () => {
    expect(cut('', 0)).toBe('');
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcdef', 4)).toBe('abcd');
  });
});

describe('truncateText on any text', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'é', E_ACUTE, DOCTOR, '😀', '\u0301', '\u200D', '🇫🇷', ' ') });

  it('gives a prefix of whole grapheme clusters within the limit, and the longest such prefix', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (s, max) => {
        const out = truncateText(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(out)).toBe(true);
        const all = graphemes(s);
        const kept = graphemes(out);
        expect(kept).toEqual(all.slice(0, kept.length));
        const next = all[kept.length];
        if (next !== undefined) expect(out.length + next.length).toBeGreaterThan(max);
      }),
      { numRuns: 500 },
    );
  });
});
