import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Typesetter } from './helpers/nodeTypesetter';
import { MATH_BLOCK_SNIPPETS, MATH_SNIPPETS } from '../../src/core/authoring/mathSnippets';
import { snippetDefaultText } from '../../src/core/authoring/snippetText';

describe('snippetDefaultText', () => {
  it('fills placeholders, choices and mirrors with their defaults', () => {
    assert.equal(snippetDefaultText('\\frac{${1:a}}{${2:b}}$0'), '\\frac{a}{b}');
    assert.equal(snippetDefaultText('\\begin{${1|pmatrix,bmatrix|}} x \\end{$1}'), '\\begin{pmatrix} x \\end{pmatrix}');
    assert.equal(snippetDefaultText('${1:n} and ${1}'), 'n and n');
    assert.equal(snippetDefaultText('${1:outer ${2:inner}} $2'), 'outer inner inner');
  });
  it('follows VS Code escapes: \\$, \\} and \\\\ are literal, other backslashes stay', () => {
    assert.equal(snippetDefaultText('\\$${1:x}\\$'), '$x$');
    assert.equal(snippetDefaultText('${1:a_{11\\}}'), 'a_{11}');
    assert.equal(snippetDefaultText('a \\\\\\\nb'), 'a \\\\\nb');
    assert.equal(snippetDefaultText('\\{ x \\\\}'), '\\{ x \\}');
    assert.equal(snippetDefaultText('${1|a\\,b,c|}'), 'a,b');
  });
  it('gives variables their default or nothing', () => {
    assert.equal(snippetDefaultText('${TM_SELECTED_TEXT:x}+$TM_FILENAME'), 'x+');
  });
});

describe('formula snippets (syntaxes/math-snippets.json)', () => {
  const typesetter = new Typesetter();
  after(() => typesetter.dispose());

  it('has at least 40 snippets with unique, short prefixes and a description', () => {
    assert.ok(MATH_SNIPPETS.length >= 40, `${MATH_SNIPPETS.length} snippets`);
    const prefixes = MATH_SNIPPETS.map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const s of MATH_SNIPPETS) {
      assert.match(s.prefix, /^[A-Za-z][A-Za-z0-9]{0,9}$/, s.name);
      assert.ok(s.description.length > 0, s.name);
    }
  });

  it('covers the required families', () => {
    const bodies = MATH_SNIPPETS.map((s) => snippetDefaultText(s.body)).join('\n');
    for (const needle of [
      '\\frac',
      '\\binom',
      '\\sum_',
      '\\prod_',
      '\\int_',
      '\\lim_',
      '\\partial',
      '{pmatrix}',
      '{bmatrix}',
      '{vmatrix}',
      '{cases}',
      '{aligned}',
      '{align}',
      '{gather}',
      '\\vec',
      '\\lVert',
      '\\langle',
      '\\mid',
      '\\mathbb{E}',
      '\\operatorname{Var}',
      '\\alpha',
      '\\hat',
    ]) {
      assert.ok(bodies.includes(needle), needle);
    }
    assert.ok(
      MATH_SNIPPETS.some((s) => /\$\{\d+\|/.test(s.body)),
      'some snippet offers a choice',
    );
  });

  it('renders every snippet body, placeholders filled with their defaults, through MathJax with 0 errors', async () => {
    const jobs = MATH_SNIPPETS.map((s) => ({ tex: snippetDefaultText(s.body), display: true }));
    const { formulas } = await typesetter.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
    const errors = formulas.flatMap((f, i) =>
      f.error ? [`${MATH_SNIPPETS[i]!.prefix}: ${jobs[i]!.tex} → ${f.error.id}: ${f.error.message}`] : [],
    );
    assert.deepEqual(errors, []);
    for (const f of formulas) assert.match(f.html, /<svg /);
  });

  it('renders every choice of every choice snippet', async () => {
    const jobs: { tex: string; display: boolean }[] = [];
    for (const s of MATH_SNIPPETS) {
      const choice = /\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(s.body);
      if (!choice) continue;
      for (const option of choice[2]!.split(',')) {
        jobs.push({ tex: snippetDefaultText(s.body.replace(choice[0], '${' + choice[1] + ':' + option + '}')), display: true });
      }
    }
    assert.ok(jobs.length > 10);
    const { formulas } = await typesetter.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
    assert.deepEqual(
      formulas.flatMap((f, i) => (f.error ? [`${jobs[i]!.tex}: ${f.error.message}`] : [])),
      [],
    );
  });
});

describe('math-block snippets (syntaxes/math-block-snippets.json)', () => {
  it('are the ones the manifest contributes statically for Markdown', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './syntaxes/math-block-snippets.json' }]);
    assert.ok(MATH_BLOCK_SNIPPETS.length >= 5);
  });
  it('insert math with every delimiter family', () => {
    const texts = MATH_BLOCK_SNIPPETS.map((s) => snippetDefaultText(s.body));
    for (const opener of ['$x$', '$$\n', '\\[\n', '\\(', '```math\n', '\\begin{equation}', '\\begin{align}']) {
      assert.ok(
        texts.some((t) => t.startsWith(opener)),
        opener,
      );
    }
  });
});
