/**
 * Post-build step (`npm run build`): checks the Content-Security-Policy of every built page and writes
 * the full policy into dist/_headers.
 * 1. Each page has the <meta http-equiv="content-security-policy"> Astro emits (experimental.csp), before
 *    any script or style, with the required directives and no 'unsafe-inline' or 'unsafe-eval'; every
 *    inline <script> and <style> is allowed by its hash; no style="" attributes, on…="" handlers or
 *    javascript: URLs (a hash cannot allow those); no <form action> (form-action 'none' blocks it).
 * 2. dist/_headers (copied from public/_headers) gets the full header policy: its own directives
 *    (frame-ancestors, which a <meta> cannot carry) plus the pages' directives and the union of their hashes.
 * Exits 1 with one line per problem.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtPages } from '../tests/e2e/harness.ts';

/** A policy as directive name → source list, in order. */
export type Policy = Map<string, string[]>;

/** Directives every page's policy must contain, with exactly these sources. */
export const REQUIRED: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self' data:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** Parses a serialized policy. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Serializes a policy. */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The CSP a built page declares in its <meta>, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const raw = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  return raw?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** Reads a Netlify/Cloudflare `_headers` file: URL pattern → header name → value. */
export function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
    } else if (current) {
      const i = line.indexOf(':');
      current.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
    }
  }
  return rules;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Problems with one page's policy and inline code; empty when the page is clean. */
export function checkHtml(html: string): string[] {
  const problems: string[] = [];
  const meta = metaPolicy(html);
  if (!meta) return ['no <meta http-equiv="content-security-policy">'];
  const policy = parsePolicy(meta);
  for (const [name, sources] of Object.entries(REQUIRED)) {
    if (policy.get(name)?.join(' ') !== sources) problems.push(`${name} is not "${sources}"`);
  }
  for (const name of ['script-src', 'style-src']) {
    const sources = policy.get(name);
    if (!sources) problems.push(`no ${name}`);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
      if (sources?.includes(bad)) problems.push(`${name} allows ${bad}`);
    }
  }
  const metaAt = html.search(/<meta\s+http-equiv="content-security-policy"/i);
  const firstCode = html.search(/<script\b|<style\b|<link\b[^>]*rel="stylesheet"/i);
  if (firstCode !== -1 && firstCode < metaAt) problems.push('a script or style comes before the CSP <meta>');
  const kinds = [
    ['script', 'script-src'],
    ['style', 'style-src'],
  ] as const;
  for (const [tag, directive] of kinds) {
    const allowed = new Set(policy.get(directive) ?? []);
    for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
      const attrs = m[1] ?? '';
      const body = m[2] ?? '';
      if (/\bsrc=/i.test(attrs) || /type="application\/(ld\+)?json"/i.test(attrs)) continue;
      if (!allowed.has(sha256(body)))
        problems.push(`inline <${tag}> not allowed by ${directive}: ${body.slice(0, 60)}…`);
    }
  }
  // Attributes only, not text: <script> and <style> bodies are stripped before looking.
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  for (const tag of markup.matchAll(/<[a-z][^>]*>/gi)) {
    for (const a of tag[0].matchAll(/\s(style|on[a-z]+)\s*=/gi)) {
      problems.push(`${a[1]}="" attribute (no hash can allow it): ${tag[0].slice(0, 80)}`);
    }
  }
  if (/\b(?:href|src|action)\s*=\s*["']\s*javascript:/i.test(markup)) problems.push('javascript: URL');
  // form-action 'none' blocks every form submission: a form meant to submit somewhere cannot work.
  for (const form of markup.matchAll(/<form\b[^>]*\saction\s*=[^>]*>/gi)) {
    problems.push(`<form action> cannot submit under form-action 'none': ${form[0].slice(0, 80)}`);
  }
  return problems;
}

/** Checks every page in `dist` and returns the header policy: the `_headers` directives plus the pages'. */
export function buildHeaderPolicy(dist: string, headerPolicy: Policy): { policy: Policy; problems: string[] } {
  const problems: string[] = [];
  const policy: Policy = new Map(headerPolicy);
  for (const page of builtPages(dist)) {
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    problems.push(...checkHtml(html).map((p) => `/${page}: ${p}`));
    for (const [name, sources] of parsePolicy(metaPolicy(html) ?? '')) {
      const have = policy.get(name);
      if (!have) policy.set(name, [...sources]);
      else if (name === 'script-src' || name === 'style-src') policy.set(name, [...new Set([...have, ...sources])]);
      else if (have.join(' ') !== sources.join(' ')) {
        problems.push(`/${page}: ${name} "${sources.join(' ')}" differs from "${have.join(' ')}"`);
      }
    }
  }
  return { policy, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = 'dist';
  const headersFile = join(dist, '_headers');
  if (!existsSync(headersFile)) {
    console.error(`${headersFile} is missing (public/_headers should be copied there by astro build).`);
    process.exit(1);
  }
  const text = readFileSync(headersFile, 'utf8');
  const line = /^(\s+Content-Security-Policy:\s*)(.*)$/m.exec(text);
  if (!line) {
    console.error(`${headersFile} has no Content-Security-Policy line.`);
    process.exit(1);
  }
  const { policy, problems } = buildHeaderPolicy(dist, parsePolicy(line[2] ?? ''));
  if (problems.length > 0) {
    console.error(`CSP check failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  writeFileSync(headersFile, text.replace(line[0], `${line[1] ?? ''}${formatPolicy(policy)}`));
  const hashes = (policy.get('script-src')?.length ?? 1) + (policy.get('style-src')?.length ?? 1) - 2;
  console.log(`CSP: ${builtPages(dist).length} pages checked; dist/_headers policy has ${hashes} hashes.`);
}
