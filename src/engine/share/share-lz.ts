/**
 * A bounded reader for lz-string 1.5.0's `compressToEncodedURIComponent` output. It follows the
 * library's `_decompress` step for step, but stops as soon as the output passes a limit: the library
 * itself has no limit, and a crafted link of a few thousand characters can unpack to many megabytes
 * (each code may repeat the previous, longer entry). Tests check it against the library.
 */

/** The URL-safe alphabet of `compressToEncodedURIComponent`, one 6-bit value per character. */
export const LZ_URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

const VALUE_OF: ReadonlyMap<string, number> = new Map([...LZ_URI_ALPHABET].map((c, i) => [c, i]));

/** What unpacking gives: the text, or why there is none. */
export type LzUnpacked =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'damaged' | 'too-large' };

/** Whether every character is in the URL-safe alphabet (the only ones the compressor writes). */
export function isLzUriText(input: string): boolean {
  for (const c of input) if (!VALUE_OF.has(c)) return false;
  return true;
}

/**
 * Unpacks `compressToEncodedURIComponent` output, giving up with `too-large` once the text would pass
 * `maxChars` (UTF-16 code units) and with `damaged` for input the compressor cannot have written.
 */
export function unpackLzUri(input: string, maxChars: number): LzUnpacked {
  const damaged = { ok: false, reason: 'damaged' } as const;
  if (input === '' || !isLzUriText(input)) return damaged;
  const length = input.length;
  const valueAt = (i: number): number => (i < length ? (VALUE_OF.get(input.charAt(i)) ?? 0) : 0);
  let val = valueAt(0);
  let position = 32;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    const max = 2 ** n;
    for (let power = 1; power !== max; power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = valueAt(index++);
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = readBits(2);
  if (first === 2) return { ok: true, text: '' };
  if (first !== 0 && first !== 1) return damaged;
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let total = w.length;
  if (total > maxChars) return { ok: false, reason: 'too-large' };

  for (;;) {
    // The library returns "" here: the input ended without its end marker (a cut-off link).
    if (index > length) return damaged;
    let c = readBits(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { ok: true, text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[c];
    if (known !== undefined) entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return damaged;
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
