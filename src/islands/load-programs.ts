/**
 * Loads the program list for the planner and the shared view: the compact payload fetched from this
 * site (`<base>data/programs.min.json`) and decoded by the engine. One fetch per page; a failed fetch
 * is not cached, so trying again fetches again.
 *
 * The compile step validated the payload and wrote its SHA-256 beside it (bundled here). When the
 * fetched bytes have that digest they are that payload, so validating them again (~15 ms on a laptop,
 * four times that on a phone) is skipped; any other bytes (a stale or damaged cache, a browser without
 * `crypto.subtle` on a plain-http host) go through the engine's full validation.
 */
import digest from '../generated/programs.min.sha256.json';
import { decodeCompactPrograms, decodeVerifiedCompactPrograms, type CompactPayload } from '../engine/data/dataset';
import type { Program } from '../engine/data/program';

let cache: Promise<Program[]> | undefined;

/** Hex SHA-256 of some bytes, or null where the browser has no Web Crypto (insecure context). */
async function sha256(bytes: ArrayBuffer): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const hash = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Decodes the payload's bytes: without validating when their digest is `expected`, with the engine's
 * full validation otherwise (throws on a malformed payload).
 */
export async function decodePayloadBytes(
  bytes: ArrayBuffer,
  expected: string,
  hash: (bytes: ArrayBuffer) => Promise<string | null> = sha256,
): Promise<Program[]> {
  const verified = (await hash(bytes)) === expected;
  const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
  return verified ? decodeVerifiedCompactPrograms(json as CompactPayload) : decodeCompactPrograms(json);
}

/** Every program, from `${base}data/programs.min.json` on this site. */
export function loadPrograms(base: string): Promise<Program[]> {
  cache ??= fetch(`${base}data/programs.min.json`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`The program list could not be loaded (HTTP ${res.status}).`);
      return decodePayloadBytes(await res.arrayBuffer(), digest.sha256);
    })
    .catch((e: unknown) => {
      cache = undefined;
      throw e;
    });
  return cache;
}
