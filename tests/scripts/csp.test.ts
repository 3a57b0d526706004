/**
 * scripts/csp.ts, the post-build CSP check, on small hand-written pages: a clean page passes, and each
 * kind of problem it exists to catch is reported (a weaker directive, 'unsafe-inline', an unhashed
 * inline script, a style="" attribute, a form that would submit).
 */
import { createHash } from 'node:crypto';
import { checkHtml, formatPolicy, parsePolicy, REQUIRED } from '../../scripts/csp';

const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
const SCRIPT = 'console.log(1)';
const policy = (overrides: Record<string, string> = {}) =>
  formatPolicy(
    parsePolicy(
      Object.entries({ ...REQUIRED, 'script-src': `'self' ${hash(SCRIPT)}`, 'style-src': "'self'", ...overrides })
        .map(([k, v]) => `${k} ${v}`)
        .join('; '),
    ),
  ).replaceAll("'", '&#39;');
const page = (csp: string, body = '') =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${csp}"><script>${SCRIPT}</script></head><body>${body}</body></html>`;

describe('scripts/csp.ts checkHtml', () => {
  it('requires form-action, object-src and base-uri to be none', () => {
    expect(REQUIRED).toMatchObject({ 'form-action': "'none'", 'object-src': "'none'", 'base-uri': "'none'" });
  });

  it('passes a page with the required policy and hashed inline code', () => {
    expect(checkHtml(page(policy(), '<a href="/search/">Search</a><form role="search"></form>'))).toEqual([]);
  });

  it.each([
    ['a missing <meta>', '<!doctype html><p>x</p>', 'no <meta'],
    ['form-action self', page(policy({ 'form-action': "'self'" })), `form-action is not "'none'"`],
    ['connect-src to another host', page(policy({ 'connect-src': "'self' https:" })), 'connect-src is not'],
    ['unsafe-inline scripts', page(policy({ 'script-src': `'self' 'unsafe-inline' ${hash(SCRIPT)}` })), 'allows'],
    ['an unhashed inline script', page(policy(), '<script>alert(1)</script>'), 'inline <script> not allowed'],
    ['a style attribute', page(policy(), '<p style="color:red">x</p>'), 'style="" attribute'],
    ['an inline handler', page(policy(), '<button onclick="x()">x</button>'), 'onclick="" attribute'],
    ['a javascript: URL', page(policy(), '<a href="javascript:x()">x</a>'), 'javascript: URL'],
    ['a form that submits', page(policy(), '<form action="/search/" method="get"></form>'), '<form action>'],
  ])('reports %s', (_, html, problem) => {
    expect(checkHtml(html).join('\n')).toContain(problem);
  });
});
