import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import digest from '../../src/generated/programs.min.sha256.json';
import { decodeCompactPrograms } from '../../src/engine/data/dataset';
import { decodePayloadBytes } from '../../src/islands/load-programs';

const text = readFileSync('src/generated/programs.min.json', 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const nodeSha = async (b: ArrayBuffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');

describe('the program payload and its digest', () => {
  it('the digest written by the compile step is the SHA-256 of the payload file', async () => {
    expect(await nodeSha(bytes(text))).toBe(digest.sha256);
  });

  it('the digest Web Crypto computes (the browser path) matches too', async () => {
    let seen: string | null = null;
    await decodePayloadBytes(bytes(text), digest.sha256, async (b) => {
      const h = new Uint8Array(await crypto.subtle.digest('SHA-256', b));
      seen = Array.from(h, (x) => x.toString(16).padStart(2, '0')).join('');
      return seen;
    });
    expect(seen).toBe(digest.sha256);
  });

  it('verified bytes decode to exactly what full validation gives', async () => {
    const fast = await decodePayloadBytes(bytes(text), digest.sha256, nodeSha);
    expect(fast).toEqual(decodeCompactPrograms(JSON.parse(text)));
    expect(fast).toHaveLength(296);
  });

  it('other bytes are validated: a damaged payload is refused, not trusted', async () => {
    const damaged = text.replace(/"s":"[A-Z]{2}"/, '"s":"Pennsylvania"');
    expect(damaged).not.toBe(text);
    await expect(decodePayloadBytes(bytes(damaged), digest.sha256, nodeSha)).rejects.toThrow();
  });

  it('other bytes that are valid still decode (an older cached payload), through validation', async () => {
    const payload = JSON.parse(text) as { v: 1; p: unknown[] };
    const older = JSON.stringify({ ...payload, p: payload.p.slice(0, 10) });
    const programs = await decodePayloadBytes(bytes(older), digest.sha256, nodeSha);
    expect(programs).toHaveLength(10);
  });

  it('without Web Crypto (plain http) the payload is validated', async () => {
    const damaged = text.replace(/"i":"\d{10}"/, '"i":"123"');
    await expect(decodePayloadBytes(bytes(damaged), digest.sha256, async () => null)).rejects.toThrow();
    expect(await decodePayloadBytes(bytes(text), digest.sha256, async () => null)).toHaveLength(296);
  });
});
