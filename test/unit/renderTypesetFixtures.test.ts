// Every document in test/fixtures/typeset/*.md through MathdownRenderer against its sidecar *.json:
// { options?, renderAfter?, formulas: [{ tex, drawn, anchors?, links? } | { tex, error, message, offset }] }.
// `drawn` is the characters the SVG draws, `anchors` the equation ids it defines, `links` the
// equation hrefs it holds; `error`, `message` and `offset` (in the TeX) are MathJax's, shown in an error box. A fixture with
// `renderAfter` is also rendered as an edit of that fixture, in the same renderer and document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MathdownRenderer, type RenderResult } from '../../src/node/coreEntry';
import type { MathOptions } from '../../src/core/types';

const FIXTURES = join(__dirname, '../../../test/fixtures/typeset');
/** These tests are not about time: a generous budget keeps them independent of the machine's load. */
const RELAXED = { timeoutMs: 60_000 };

type Expected =
  { tex: string; drawn: string; anchors?: string[]; links?: string[] } | { tex: string; error: string; message: string; offset?: number };

interface Fixture {
  text: string;
  options?: Partial<MathOptions>;
  renderAfter?: string;
  formulas: Expected[];
}

function load(name: string): Fixture {
  const spec = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Omit<Fixture, 'text'>;
  return { text: readFileSync(join(FIXTURES, `${name}.md`), 'utf8'), ...spec };
}

/** The characters an SVG fragment draws, in order (MathJax records each glyph's code point in data-c). */
function drawn(html: string): string {
  return [...html.matchAll(/data-c="([0-9A-F]+)"/g)].map((m) => String.fromCodePoint(parseInt(m[1]!, 16))).join('');
}

const values = (html: string, attribute: string): string[] =>
  [...html.matchAll(new RegExp(`${attribute}="([^"]*mjx-eqn[^"]*)"`, 'g'))].map((m) => m[1]!);

/** What the result shows for each formula, in the sidecar's shape. */
function observed(result: RenderResult): Expected[] {
  const pieces = [
    ...result.html.matchAll(/<mjx-container[\s\S]*?<\/mjx-container>|<span class="mathdown-error"[\s\S]*?<\/span><\/span>/g),
  ].map((m) => m[0]);
  assert.equal(pieces.length, result.formulas.length, 'one typeset piece per formula');
  return result.formulas.map((f, i) => {
    const html = pieces[i]!;
    if (f.error) {
      assert.match(html, new RegExp(`^<span class="mathdown-error" [^>]*data-error-id="${f.error.id}"`));
      return { tex: f.tex, error: f.error.id, message: f.error.message, offset: f.error.offset };
    }
    const anchors = values(html, 'id');
    const links = values(html, 'href');
    return { tex: f.tex, drawn: drawn(html), ...(anchors.length ? { anchors } : {}), ...(links.length ? { links } : {}) };
  });
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

test('there are typesetting fixtures', () => {
  assert.ok(names.length >= 3, `found ${names.length}`);
});

for (const name of names) {
  test(`fixture ${name}: rendered, and rendered again by the same renderer (numbering restarts)`, async () => {
    const { text, options, formulas } = load(name);
    const renderer = new MathdownRenderer(RELAXED);
    try {
      for (let round = 0; round < 2; round++) {
        assert.deepEqual(observed(await renderer.render(text, { math: options, documentKey: name })), formulas, `round ${round}`);
      }
    } finally {
      await renderer.dispose();
    }
  });

  const { renderAfter } = load(name);
  if (renderAfter === undefined) continue;
  test(`fixture ${name} as an edit of ${renderAfter}: nothing of ${renderAfter} survives, and it all comes back with the undo`, async () => {
    const before = load(renderAfter);
    const after = load(name);
    const renderer = new MathdownRenderer(RELAXED);
    try {
      for (const { text, options, formulas } of [before, after, before]) {
        assert.deepEqual(observed(await renderer.render(text, { math: options, documentKey: 'edited' })), formulas);
      }
    } finally {
      await renderer.dispose();
    }
  });
}
