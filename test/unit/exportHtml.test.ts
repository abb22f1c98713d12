// exportHtml over the real renderer: the page's structure, safety and determinism.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_SETTINGS, EXPORT_CSP, exportHtml, MathdownRenderer } from './helpers/testRenderer';

const FIXTURES = join(__dirname, '../../../test/fixtures/export');
const sample = readFileSync(join(FIXTURES, 'sample.md'), 'utf8');
const xss = readFileSync(join(FIXTURES, 'xss.md'), 'utf8');
const png = readFileSync(join(FIXTURES, 'figure.png'));
const loadImage = async (src: string) => (src === 'figure.png' ? { mime: 'image/png', data: new Uint8Array(png) } : undefined);

const renderer = new MathdownRenderer();
after(() => renderer.dispose());

const count = (html: string, re: RegExp) => html.match(new RegExp(re.source, 'g'))?.length ?? 0;
const page = (text = sample, more: Partial<Parameters<typeof exportHtml>[1]> = {}) =>
  exportHtml(text, { renderer, settings: DEFAULT_SETTINGS, loadImage, sourceName: 'sample.md', ...more });

test('a complete HTML5 page: doctype, charset first, CSP before any content, title, one style, one main', async () => {
  const html = await page();
  assert.match(
    html,
    /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">\n/,
  );
  assert.equal(count(html, /Content-Security-Policy/), 1);
  assert.match(EXPORT_CSP, /default-src 'none'/);
  assert.match(EXPORT_CSP, /script-src 'none'/);
  assert.ok(html.includes(`content="${EXPORT_CSP}"`));
  assert.ok(html.includes('<title>Export sample: Gaussian integrals</title>'));
  assert.equal(count(html, /<style>/), 1);
  assert.equal(count(html, /<main class="mathdown">/), 1);
  assert.ok(html.endsWith('</main>\n</body>\n</html>\n'));
});

/** Every start tag's name and attributes, as an HTML tokenizer sees them (enough for serialised output). */
function tags(html: string): { name: string; attrs: [string, string][] }[] {
  const out: { name: string; attrs: [string, string][] }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attrs: [string, string][] = [...m[2].matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => [
      a[1].toLowerCase(),
      (a[2] ?? '').replace(/^["']|["']$/g, ''),
    ]);
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

test('no script anywhere, even for a hostile document', async () => {
  for (const text of [sample, xss]) {
    const html = await page(text);
    const all = tags(html);
    assert.ok(all.length > 100);
    assert.deepEqual(
      all.filter((t) => ['script', 'iframe', 'object', 'embed', 'form', 'base'].includes(t.name)),
      [],
    );
    assert.deepEqual(
      all.flatMap((t) => t.attrs.filter(([k]) => k.startsWith('on')).map(([k, v]) => `${t.name} ${k}=${v}`)),
      [],
      'no event handler attributes',
    );
    const urls = all.flatMap((t) =>
      t.attrs.filter(([k]) => ['href', 'xlink:href', 'src', 'action', 'formaction'].includes(k)).map(([, v]) => v),
    );
    assert.deepEqual(
      urls.filter((u) => /^\s*(javascript|vbscript|data:text\/html)/i.test(u.replace(/&#?\w+;|[\s\u0000-\u001f]/g, ''))),
      [],
      'no script URLs',
    );
  }
});

test("no style attribute anywhere, even for a hostile document: the math's are classes, and the CSP refuses any", async () => {
  assert.match(EXPORT_CSP, /style-src-attr 'none'/);
  for (const text of [sample, xss, '$\\style{color: red}{x}$ and $\\bbox[2px,border:1px solid red]{y}$']) {
    const html = await page(text);
    assert.deepEqual(
      tags(html)
        .filter((t) => t.attrs.some(([k]) => k === 'style'))
        .map((t) => t.name),
      [],
    );
    const used = new Set([...html.matchAll(/class="[^"]*\b(mjx-s[\w-]+)/g)].map((m) => m[1]));
    const defined = [...html.matchAll(/^\.(mjx-s[\w-]+)\{/gm)].map((m) => m[1]);
    assert.ok(used.size > 1);
    assert.deepEqual([...used].sort(), [...defined].sort(), 'one rule per class used');
  }
});

test('one SVG per formula, all glyphs in one shared cache at the top of the body', async () => {
  const html = await page();
  const { formulas } = await renderer.render(sample, { math: DEFAULT_SETTINGS.math });
  assert.ok(formulas.length > 10);
  assert.equal(count(html, /<mjx-container\b/), formulas.length);
  assert.equal(count(html, /<mjx-container\b[^>]*><svg\b/), formulas.length);
  assert.equal(count(html, /<svg [^>]*id="MJX-SVG-global-cache"/), 1);
  assert.match(html, /<body class="mathdown-light">\n<svg class="mjx-s[\w-]+" id="MJX-SVG-global-cache"><defs>/);
  const glyphIds = [...html.matchAll(/<path id="(MJX-[^"]+)"/g)].map((m) => m[1]);
  assert.ok(glyphIds.length > 20);
  assert.equal(new Set(glyphIds).size, glyphIds.length, 'each glyph is defined once');
  const main = html.slice(html.indexOf('<main'));
  assert.equal(count(main, /<defs>/), 0, 'formulas carry no glyph definitions of their own');
  for (const ref of new Set([...main.matchAll(/xlink:href="#([^"]+)"/g)].map((m) => m[1]))) assert.ok(glyphIds.includes(ref), ref);
});

test('math is accessible and untranslated: assistive MathML and translate="no" on every formula', async () => {
  const html = await page();
  const n = count(html, /<mjx-container\b/);
  assert.equal(count(html, /translate="no"[^>]*>(<div[^>]*>)?<mjx-container\b/), n);
  assert.equal(count(html, /<mjx-assistive-mml\b[^>]*><math\b/), n);
});

test('\\eqref links point at the equation ids MathJax gives the numbered equations', async () => {
  const html = await page();
  for (const label of ['eq:gauss', 'eq:polar', 'eq:square']) {
    assert.ok(html.includes(`href="#mjx-eqn%3A${label.replace(/:/g, '%3A')}"`), `link to ${label}`);
    assert.equal(count(html, new RegExp(`id="mjx-eqn:${label}"`)), 1, `target ${label}`);
  }
});

test('headings get self-links', async () => {
  const html = await page();
  const ids = [...html.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.includes('where-it-is-used'), ids.join());
  for (const id of ids) assert.ok(html.includes(`<a class="heading-anchor" href="#${id}"`), id);
});

test('local images are embedded by default and kept as links on request', async () => {
  const embedded = await page();
  assert.ok(embedded.includes(`src="data:image/png;base64,${png.toString('base64')}"`));
  assert.ok(!/src="figure.png"/.test(embedded));
  const linked = await page(sample, { images: 'link' });
  assert.ok(linked.includes('src="figure.png"'));
  const viaSettings = await page(sample, { settings: { ...DEFAULT_SETTINGS, export: { theme: 'light', images: 'link' } } });
  assert.equal(viaSettings, linked);
});

test('light by default, dark on request or by setting', async () => {
  const light = await page();
  assert.ok(light.includes('<meta name="color-scheme" content="light">'));
  assert.ok(light.includes(':root{--fg:#1f2328;--bg:#ffffff;'));
  const dark = await page(sample, { theme: 'dark' });
  assert.ok(dark.includes('<meta name="color-scheme" content="dark">'));
  assert.ok(dark.includes(':root{--fg:#e6edf3;--bg:#0d1117;'));
  assert.ok(dark.includes('<body class="mathdown-dark">'));
  assert.ok(dark.includes('@media print{:root{--fg:#1f2328;--bg:#ffffff;'), 'prints light');
  assert.equal(await page(sample, { settings: { ...DEFAULT_SETTINGS, export: { theme: 'dark', images: 'embed' } } }), dark);
});

test('long documents open quickly: top-level blocks use content-visibility', async () => {
  const html = await page();
  assert.ok(html.includes('main.mathdown>*{content-visibility:auto;'));
});

test('deterministic: the same input gives the same bytes, from a warm cache, another renderer, after other documents or a preview render', async () => {
  const first = await page();
  assert.equal(await page(), first);
  await page(xss);
  await page('# Other\n\n$$\\mathfrak{g} \\ne \\mathbb{G}$$\n');
  assert.equal(await page(), first);
  // The preview renders the same formulas with a per-formula glyph cache and no MathML.
  await renderer.render(sample, { math: DEFAULT_SETTINGS.math, fontCache: 'local' });
  assert.equal(await page(), first);
  const fresh = new MathdownRenderer();
  try {
    assert.equal(await exportHtml(sample, { renderer: fresh, settings: DEFAULT_SETTINGS, loadImage, sourceName: 'sample.md' }), first);
  } finally {
    await fresh.dispose();
  }
});
