import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Typesetter } from './helpers/nodeTypesetter';
import { errorBox } from '../../src/core/typeset/errorBox';

/** These tests are not about time: a generous budget keeps them independent of the machine's load. */
const RELAXED = { timeoutMs: 60_000 };

interface OffsetCase {
  marked: string;
  id: string;
  message: string;
}

const MARK = '⟨here⟩';
// The table of design/mathjax-notes.md §2, each TeX with the expected offset marked.
const cases = JSON.parse(readFileSync(path.join(__dirname, '../../../test/fixtures/typeset/error-offsets.json'), 'utf8')) as OffsetCase[];

describe('Typesetter: errors', () => {
  let ts: Typesetter;
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  it(`reports id, message and offset for the ${cases.length} cases of the notes`, async () => {
    assert.ok(cases.length >= 30);
    // Each case alone, so that definitions and labels of one case do not meet another.
    for (const c of cases) {
      const tex = c.marked.replace(MARK, '');
      const { formulas } = await ts.typeset({ jobs: [{ tex, display: true }], macros: {}, equationNumbers: 'ams' });
      assert.deepEqual(formulas[0]!.error, { id: c.id, message: c.message, offset: c.marked.indexOf(MARK) }, c.marked);
    }
  });

  it('reports a label defined in an earlier formula', async () => {
    const tex = 'b \\label{first} + c';
    const { formulas } = await ts.typeset({
      jobs: [
        { tex: '\\begin{equation} a \\label{first} \\end{equation}', display: true },
        { tex: `\\begin{equation} ${tex} \\end{equation}`, display: true },
      ],
      macros: {},
      equationNumbers: 'ams',
    });
    const error = formulas[1]!.error!;
    assert.equal(error.id, 'MultipleLabel');
    assert.equal(error.message, "Label 'first' multiply defined");
    assert.equal(`\\begin{equation} ${tex}`.slice(0, error.offset).endsWith('\\label{first}'), true);
  });

  it('shows each error as an escaped error box with the source and the message', async () => {
    const tex = '\\text{<script>alert("x")</script>} \\begin{<img src=x onerror=alert(1)>} & \'';
    const { formulas } = await ts.typeset({ jobs: [{ tex, display: false }], macros: {}, equationNumbers: 'ams' });
    const { html, error } = formulas[0]!;
    assert.equal(error?.id, 'UnknownEnv');
    const m =
      /^<span class="mathdown-error" title="([^"]*)" data-error-id="UnknownEnv"><code>([^<]*)<\/code><span class="mathdown-error-message">([^<]*)<\/span><\/span>$/.exec(
        html,
      );
    assert.ok(m, html);
    const unescape = (s: string): string =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    assert.equal(unescape(m[1]!), error.message);
    assert.equal(unescape(m[2]!), tex);
    assert.equal(unescape(m[3]!), error.message);
    assert.doesNotMatch(html, /<script|<img/);
  });

  it('escapes ampersands and quotes in the box', () => {
    assert.equal(
      errorBox('a & "b"', { id: 'X"y', message: 'it\'s <bad> & "worse"' }),
      '<span class="mathdown-error" title="it&#39;s &lt;bad&gt; &amp; &quot;worse&quot;" data-error-id="X&quot;y">' +
        '<code>a &amp; &quot;b&quot;</code><span class="mathdown-error-message">it&#39;s &lt;bad&gt; &amp; &quot;worse&quot;</span></span>',
    );
  });

  it('turns a JavaScript stack overflow into an InternalError box and carries on', async () => {
    const { formulas } = await ts.typeset({
      jobs: [
        { tex: '\\def\\a{\\frac{\\a}{x}}\\a', display: true },
        { tex: 'x^2', display: false },
      ],
      macros: {},
      equationNumbers: 'ams',
    });
    assert.equal(formulas[0]!.error?.id, 'InternalError');
    assert.match(formulas[0]!.error!.message, /nested too deeply/);
    assert.match(formulas[0]!.html, /^<span class="mathdown-error" /);
    assert.equal(formulas[1]!.error, undefined);
  });
});
