/**
 * The zod every engine schema that can run in the browser is built with: zod/v4-mini, which ships
 * inside the project's one zod package (zod@3.25.76) and adds about 5 KB gzip less to the planner
 * than zod 3. Import `z` from here, never from 'zod/v4-mini' directly, so this configuration always
 * runs before a schema is built:
 * - `jitless`: zod 4 otherwise compiles object parsers with `new Function`, which the site's CSP forbids.
 * - `customError`: zod 3's English wording for issues a schema gives no message of its own (zod 4 mini
 *   has no wording and would say "Invalid input"), so messages users see read exactly as before.
 * `whenZod3` gives a cross-field check zod 3's rule for when it runs (see there).
 *
 * Build-only schemas that Astro or zod 3 tools need (src/engine/guide.ts, model-file.ts, reference.ts)
 * stay on zod 3; they never reach the browser and embed none of these schemas.
 */
import * as z from 'zod/v4-mini';

type RawIssue = z.core.$ZodRawIssue;

/** zod 3's names for the type of a value. */
function typeName(x: unknown): string {
  return x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x === 'number' && Number.isNaN(x) ? 'nan' : typeof x;
}

/** Values as zod 3 lists them: 'a' | 'b' | 1. */
const joined = (values: Iterable<unknown>) =>
  [...values].map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ');

/**
 * Whether zod 3 would have kept going past these issues: a check (a length, a range, a pattern, a
 * refinement) failed, but no value had the wrong type or an unknown option. zod 3 ran refinements
 * and returned a union member's own messages in that case; zod 4 does neither. (zod 4 also turns
 * away Infinity as not a number, where zod 3's range checks did.)
 */
function onlyChecksFailed(issues: readonly { code?: string; received?: unknown; errors?: unknown }[]): boolean {
  return issues.every((i) =>
    i.code === 'invalid_type'
      ? i.received === 'Infinity'
      : i.code === 'invalid_union'
        ? (i.errors as readonly (readonly RawIssue[])[]).some(onlyChecksFailed)
        : i.code !== 'invalid_value',
  );
}

/** zod 3's default message for an issue (its English locale, for the issue kinds these schemas raise). */
function zod3Message(i: RawIssue): string | undefined {
  const { input } = i;
  const def = (i.inst as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def;
  switch (i.code) {
    case 'invalid_type':
      return input === undefined ? 'Required' : `Expected ${i.expected}, received ${typeName(input)}`;
    case 'invalid_value':
      if (def?.type === 'literal') return `Invalid literal value, expected ${JSON.stringify(i.values[0])}`;
      if (input === undefined) return 'Required';
      return typeof input === 'string'
        ? `Invalid enum value. Expected ${joined(i.values)}, received '${input}'`
        : `Expected ${joined(i.values)}, received ${typeName(input)}`;
    case 'invalid_union':
      if (i.note === 'No matching discriminator') {
        const { def, propValues } = (i.inst as z.core.$ZodDiscriminatedUnion)._zod;
        return `Invalid discriminator value. Expected ${joined(propValues?.[def.discriminator] ?? [])}`;
      }
      return i.errors.find(onlyChecksFailed)?.[0]?.message ?? 'Invalid input';
    case 'invalid_format': // only regex patterns here (web addresses are a refinement with its own message)
      return 'Invalid';
    case 'too_small':
    case 'too_big': {
      // Only the inclusive bounds and exact lengths these schemas use (no gt/lt).
      const big = i.code === 'too_big';
      const limit = big ? i.maximum : i.minimum;
      if (i.origin === 'number') return `Number must be ${big ? 'less' : 'greater'} than or equal to ${limit}`;
      const how = i.exact ? 'exactly' : big ? 'at most' : 'at least';
      return i.origin === 'array'
        ? `Array must contain ${how} ${limit} element(s)`
        : `String must contain ${how} ${limit} character(s)`;
    }
  }
  return undefined;
}

z.config({ jitless: true, customError: zod3Message });

/**
 * For a cross-field check (`z.check(fn, whenZod3)`): run it, as zod 3 ran a refinement, whenever
 * only checks failed so far, not just when nothing failed (zod 4's rule). A profile with a Step 2 CK
 * score out of range still gets its ECFMG message, as it did.
 */
export const whenZod3 = {
  when: (payload: { issues: readonly RawIssue[] }) => onlyChecksFailed(payload.issues),
};

/**
 * A number from `min` to `max`, a whole one unless `whole` is false, checked as zod 3 checked
 * `z.number().int().min(min).max(max)`: any integer counts (zod 4's z.int() stops at 2^53), and every
 * failed check is reported (a fraction below the minimum gets both messages). `message`, when given,
 * is the message of every issue.
 */
export function numberIn(min: number, max: number, message?: string, whole = true) {
  const checks = [z.gte(min, message), z.lte(max, message)];
  return z
    .number(message)
    .check(
      ...(whole ? [z.refine(Number.isInteger, message ?? 'Expected integer, received float'), ...checks] : checks),
    );
}

export { z };
