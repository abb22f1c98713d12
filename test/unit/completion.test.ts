// Completion, hover targets and preview images of src/core/authoring, on a small stand-in for the
// scanner (only `$…$` and `$$…$$`, enough to place formulas); the real scanner is covered by insideMath.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Formula } from '../../src/core/types';
import { completionPrefixAt } from '../../src/core/authoring/completionPrefix';
import { userMacros } from '../../src/core/authoring/documentMacros';
import { firstFormulaSvg, previewDocument, svgDataUri } from '../../src/core/authoring/formulaPreview';
import { equationLabels, referenceAt } from '../../src/core/labels/equationLabels';
import { mathCompletionsAt } from '../../src/core/authoring/mathCompletions';
import type { MathDocument } from '../../src/core/authoring/mathDocument';
import { mathHoverAt } from '../../src/core/authoring/mathHoverAt';
import { TEX_COMMANDS, TEX_ENVIRONMENTS } from '../../src/core/authoring/texCatalog';
import { DEFAULT_MATH_OPTIONS } from '../../src/core/types';

function standInDoc(text: string): MathDocument {
  const formulas: Formula[] = [];
  for (const m of text.matchAll(/(\$\$?)([^$]+)\1/g)) {
    const offset = m.index!;
    const before = text.slice(0, offset);
    formulas.push({
      tex: m[2]!,
      display: m[1] === '$$',
      delimiter: m[1] as '$' | '$$',
      offset,
      texOffset: offset + m[1]!.length,
      endOffset: offset + m[0].length,
      line: before.split('\n').length,
      column: offset - before.lastIndexOf('\n'),
    });
  }
  return { text, formulas, formulaIndexAt: (o) => formulas.findIndex((f) => f.offset <= o && o < f.endOffset) };
}
function complete(marked: string, macros = {}) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, answer: mathCompletionsAt(standInDoc(text), offset, macros) };
}
const labels = (marked: string, macros = {}) => complete(marked, macros).answer?.items.map((i) => i.label) ?? [];

describe('generated TeX table', () => {
  it('holds the commands and environments of the configured MathJax packages', () => {
    const names = new Set(TEX_COMMANDS.map((c) => c.name));
    for (const n of ['frac', 'alpha', 'mathbb', 'operatorname', 'ce', 'cancel', 'boldsymbol', 'color', 'bra', 'lvert'])
      assert.ok(names.has(n), n);
    assert.ok(TEX_COMMANDS.length > 800);
    const envs = new Set(TEX_ENVIRONMENTS.map((e) => e.name));
    for (const n of ['pmatrix', 'bmatrix', 'cases', 'aligned', 'align*', 'dcases']) assert.ok(envs.has(n), n);
    assert.equal(TEX_COMMANDS.find((c) => c.name === 'frac')?.args, 2);
    assert.equal(TEX_COMMANDS.find((c) => c.name === 'alpha')?.char, 'α');
  });
});

describe('completionPrefixAt', () => {
  const prefix = (before: string) => completionPrefixAt(before, before.length, 0);
  it('reads commands, environments, labels and words', () => {
    assert.deepEqual(prefix('a + \\fr'), { kind: 'command', start: 4, typed: '\\fr' });
    assert.deepEqual(prefix('\\'), { kind: 'command', start: 0, typed: '\\' });
    assert.deepEqual(prefix('\\begin{pm'), { kind: 'environment', start: 7, typed: 'pm', closing: false });
    assert.deepEqual(prefix('x \\end{'), { kind: 'environment', start: 7, typed: '', closing: true });
    assert.deepEqual(prefix('see \\eqref{eq:'), { kind: 'label', start: 11, typed: 'eq:' });
    assert.deepEqual(prefix('a + fr'), { kind: 'word', start: 4, typed: 'fr' });
  });
  it('a TeX line break is not a command prefix', () => {
    assert.equal(prefix('a \\\\')?.kind, undefined);
    assert.deepEqual(prefix('a \\\\\\fr'), { kind: 'command', start: 4, typed: '\\fr' });
  });
  it('never reads before the formula', () => {
    assert.equal(completionPrefixAt('\\fr$x', 5, 4)?.kind, 'word');
  });
});

describe('mathCompletionsAt', () => {
  it('offers nothing outside math', () => {
    assert.equal(complete('Text \\fr| here $x$.').answer, undefined);
    assert.equal(complete('Text fr| here $x$.').answer, undefined);
  });
  it('offers \\frac with its arguments as a snippet, replacing the typed prefix', () => {
    const { answer, offset } = complete('Energy $\\fr|$');
    const frac = answer!.items.find((i) => i.label === '\\frac')!;
    assert.equal(frac.insertSnippet, '\\frac{$1}{$2}$0');
    assert.equal(frac.filterText, '\\frac');
    assert.deepEqual([answer!.start, answer!.end], [offset - 3, offset]);
    assert.equal(frac.preview?.tex, '\\frac{a}{b}');
  });
  it("offers the document's own macros and the settings' macros", () => {
    const items = labels('$\\newcommand{\\R}{\\mathbb{R}} \\def\\pair#1#2{(#1,#2)} \\DeclareMathOperator{\\tr}{tr}$ and $x \\in \\|$', {
      norm: ['\\lVert #1 \\rVert', 1],
    });
    for (const l of ['\\R', '\\pair', '\\tr', '\\norm']) assert.ok(items.includes(l), l);
  });
  it('offers formula snippets inside math only, for a bare word and after a backslash', () => {
    const word = complete('$x + fr|$').answer!.items;
    assert.ok(word.some((i) => i.kind === 'snippet' && i.label === 'frac'));
    assert.ok(word.every((i) => i.kind === 'snippet'));
    const afterBackslash = complete('$\\su|$').answer!.items.find((i) => i.kind === 'snippet' && i.label === 'sum')!;
    assert.equal(afterBackslash.filterText, '\\sum');
  });
  it('\\begin{ completes environments and inserts the matching \\end', () => {
    const inline = complete('$\\begin{pm|$').answer!;
    const pm = inline.items.find((i) => i.label === 'pmatrix')!;
    assert.equal(pm.insertSnippet, 'pmatrix} $0 \\end{pmatrix}');
    const display = complete('$$\\begin{ali|}$$').answer!;
    assert.equal(display.items.find((i) => i.label === 'aligned')!.insertSnippet, 'aligned}\n\t$0\n\\end{aligned}');
    assert.equal(display.end, display.start + 3 + 1, 'the closing brace after the cursor is replaced');
  });
  it('\\end{ puts the innermost open environment first', () => {
    const items = complete('$$\\begin{cases} a \\begin{matrix} b \\end{matrix} \\end{|$$').answer!.items;
    const first = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))[0]!;
    assert.equal(first.label, 'cases');
    assert.equal(first.insertSnippet, 'cases}');
  });
  it('\\eqref{ completes the labels of the document', () => {
    const items = complete('$$a \\label{eq:one}$$ $$b \\label{eq:two}$$ $\\eqref{|}$').answer!.items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['eq:one', 'eq:two'],
    );
    assert.equal(items[0]!.preview?.tex, 'a \\label{eq:one}');
  });
  it("\\eqref{ in a notebook cell completes the other cells' labels after its own", () => {
    const other = standInDoc('$$c \\label{eq:far}$$ $$d \\label{eq:one}$$');
    const marked = '$$a \\label{eq:one}$$ $\\eqref{|}$';
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const doc: MathDocument = {
      ...standInDoc(text),
      otherLabels: [
        { key: 'eq:far', formula: other.formulas[0]!, where: 'cell 1' },
        { key: 'eq:one', formula: other.formulas[1]!, where: 'cell 1' },
      ],
    };
    const items = mathCompletionsAt(doc, offset)!.items;
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['eq:one', 'equation on line 1'],
        ['eq:far', 'equation in cell 1, line 1'],
      ],
    );
    assert.equal(items[1]!.preview?.tex, 'c \\label{eq:far}');
    assert.ok(items[0]!.sortText < items[1]!.sortText);
  });
});

describe('macros and labels', () => {
  it('parses \\newcommand, \\renewcommand, \\def, \\DeclareMathOperator* and \\newenvironment', () => {
    const doc = standInDoc(
      '$\\newcommand{\\abs}[1]{\\lvert #1 \\rvert} \\renewcommand\\vec[1]{\\mathbf{#1}} \\DeclareMathOperator*{\\argmax}{arg\\,max} \\newenvironment{mat}{\\begin{pmatrix}}{\\end{pmatrix}}$',
    );
    const macros = userMacros(doc.formulas, { RR: '\\mathbb{R}' });
    const summary = macros.map((m) => [m.name, m.args, m.definition, m.origin]);
    assert.deepEqual(summary, [
      ['RR', 0, '\\mathbb{R}', 'settings'],
      ['abs', 1, '\\lvert #1 \\rvert', 'document'],
      ['vec', 1, '\\mathbf{#1}', 'document'],
      ['argmax', 0, '\\operatorname*{arg\\,max}', 'document'],
      ['mat', 0, '\\begin{pmatrix}', 'document'],
    ]);
    assert.equal(macros[1]!.source, '\\newcommand{\\abs}[1]{\\lvert #1 \\rvert}');
    assert.equal(macros[4]!.source, '\\newenvironment{mat}{\\begin{pmatrix}}{\\end{pmatrix}}');
  });
  it('reads labels as the label index does: a commented-out label is none, a key is trimmed', () => {
    const doc = standInDoc('$$x \\label{ a }$$ and $$y % \\label{gone}\n\\label{b}$$');
    assert.deepEqual(equationLabels(doc.formulas), [
      { key: 'a', formulaIndex: 0 },
      { key: 'b', formulaIndex: 1 },
    ]);
  });
  it('finds labels and the reference under the cursor', () => {
    const doc = standInDoc('$$x \\label{a}$$ then $$y \\label{b}$$');
    assert.deepEqual(equationLabels(doc.formulas), [
      { key: 'a', formulaIndex: 0 },
      { key: 'b', formulaIndex: 1 },
    ]);
    const text = 'see \\eqref{eq:x} now';
    assert.deepEqual(referenceAt(text, 8), { key: 'eq:x', start: 4, end: 16 });
    assert.equal(referenceAt(text, 18), undefined);
  });
});

describe('mathHoverAt', () => {
  it('shows the formula under the cursor, with the definitions made before it', () => {
    const text = '$\\newcommand{\\R}{\\mathbb{R}}$ and $x \\in \\R$';
    const hover = mathHoverAt(standInDoc(text), text.indexOf('\\in'));
    assert.equal(hover?.kind, 'formula');
    if (hover?.kind !== 'formula') return;
    assert.equal(hover.preview.tex, 'x \\in \\R');
    assert.deepEqual(hover.preview.definitions, ['\\newcommand{\\R}{\\mathbb{R}}']);
    assert.deepEqual([hover.start, hover.end], [text.indexOf('$x'), text.length]);
  });
  it('shows the labelled equation for \\eqref inside math', () => {
    const text = '$$E = mc^2 \\label{eq:e}$$ and $\\eqref{eq:e}$ and $\\ref{nope}$';
    const hover = mathHoverAt(standInDoc(text), text.indexOf('\\eqref') + 3);
    assert.equal(hover?.kind, 'reference');
    if (hover?.kind !== 'reference') return;
    assert.equal(hover.target?.formula.tex, 'E = mc^2 \\label{eq:e}');
    const missing = mathHoverAt(standInDoc(text), text.indexOf('nope'));
    assert.equal(missing?.kind === 'reference' && missing.target, undefined);
  });
  it("shows another cell's labelled equation for \\eqref in a notebook cell", () => {
    const other = standInDoc('$$E = mc^2 \\label{eq:e}$$');
    const text = 'By $\\eqref{eq:e}$ and $\\eqref{eq:none}$';
    const doc: MathDocument = { ...standInDoc(text), otherLabels: [{ key: 'eq:e', formula: other.formulas[0]!, where: 'cell 2' }] };
    const hover = mathHoverAt(doc, text.indexOf('eq:e'));
    assert.equal(hover?.kind, 'reference');
    if (hover?.kind !== 'reference') return;
    assert.equal(hover.target?.formula.tex, 'E = mc^2 \\label{eq:e}');
    assert.equal(hover.target?.where, 'cell 2');
    assert.equal(hover.target?.preview.tex, 'E = mc^2 \\label{eq:e}');
    const missing = mathHoverAt(doc, text.indexOf('eq:none'));
    assert.equal(missing?.kind === 'reference' && missing.target, undefined);
  });
  it('shows nothing outside math', () => {
    assert.equal(mathHoverAt(standInDoc('plain $x$ text'), 2), undefined);
  });
});

describe('formula preview', () => {
  it('builds a one-formula document in the GitHub forms, with definitions first', () => {
    const inline = previewDocument(
      { tex: 'x \\in \\R', display: false, definitions: ['\\newcommand{\\R}{\\mathbb{R}}'] },
      DEFAULT_MATH_OPTIONS,
    );
    assert.equal(inline.text, '$`\\newcommand{\\R}{\\mathbb{R}} x \\in \\R`$\n');
    assert.deepEqual(inline.math.delimiters, ['gfm']);
    assert.equal(inline.math.equationNumbers, 'none');
    const display = previewDocument({ tex: 'a ```` b', display: true, definitions: [] }, DEFAULT_MATH_OPTIONS);
    assert.equal(display.text, '`````math\na ```` b\n`````\n');
  });
  it('extracts the SVG and makes a standalone data URI with a fixed colour and pixel sizes', () => {
    const html =
      '<p>x <mjx-container class="MathJax" jax="SVG"><svg style="vertical-align: -0.1ex;" xmlns="http://www.w3.org/2000/svg" width="2ex" height="1.5ex" viewBox="0 0 10 10"><g fill="currentColor"><svg><use xlink:href="#a"/></svg></g></svg></mjx-container></p>';
    const svg = firstFormulaSvg(html)!;
    assert.ok(svg.startsWith('<svg style=') && svg.endsWith('</g></svg>'));
    const uri = svgDataUri(svg, '#123456');
    assert.ok(uri.startsWith('data:image/svg+xml;base64,'));
    const decoded = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8');
    assert.match(
      decoded,
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="16.0px" height="12.0px" viewBox="0 0 10 10" xmlns:xlink="http:\/\/www.w3.org\/1999\/xlink">/,
    );
    assert.match(decoded, /fill="#123456"/);
    assert.doesNotMatch(decoded, /currentColor|vertical-align/);
  });
});

describe('opt-in packages and preamble definitions in completion', () => {
  const at = (marked: string, macros: Record<string, string | [string, number]>, more: Parameters<typeof mathCompletionsAt>[3]) => {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    return mathCompletionsAt(standInDoc(text), offset, macros, more)?.items ?? [];
  };
  it('offers physics commands only when math.packages enables physics', () => {
    const off = at('$\\q|$', {}, {}).map((i) => i.label);
    const on = at('$\\q|$', {}, { packages: ['physics'] }).map((i) => i.label);
    assert.ok(!off.includes('\\qty'), 'no \\qty by default');
    assert.ok(on.includes('\\qty'), '\\qty with physics');
    assert.ok(on.includes('\\frac') && off.includes('\\frac'));
    const envs = at('$$\\begin{|}$$', {}, { packages: ['bussproofs'], environments: { pmat: ['\\begin{pmatrix}', '\\end{pmatrix}'] } });
    assert.ok(envs.some((i) => i.label === 'prooftree'));
    assert.ok(envs.some((i) => i.label === 'pmat'));
    assert.ok(!at('$$\\begin{|}$$', {}, {}).some((i) => i.label === 'prooftree'));
  });
  it('offers a settings or preamble macro with its arguments and a preview of it', () => {
    const norm = at('$\\no|$', { norm: ['\\lVert #1 \\rVert', 1] }, {}).find((i) => i.label === '\\norm');
    assert.ok(norm);
    assert.match(norm.detail ?? '', /1 argument/);
    assert.equal(norm.preview?.tex, '\\norm{a}');
  });
});
