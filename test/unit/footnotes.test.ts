// GFM footnotes: references numbered by first use, definitions in a section at the end (as
// cmark-gfm renders them), and the math inside both reaching MathJax verbatim at exact positions.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { MathdownRenderer } from './helpers/testRenderer';
import { parseMarkdown, renderHtml } from '../../src/core/markdown';
import { escapeHtml } from '../../src/shared/escapeHtml';

/** Renders with each formula shown as its escaped TeX in brackets. */
function render(text: string): string {
  const doc = parseMarkdown(text);
  return renderHtml(doc, (i) => `[${escapeHtml(doc.formulas[i]!.tex)}]`, { dataLine: false });
}

/** [number, href, id] of every reference, in output order. */
const refs = (html: string) =>
  [...html.matchAll(/<sup class="footnote-ref"><a href="([^"]+)" id="([^"]+)" data-footnote-ref>(\d+)<\/a><\/sup>/g)].map((m) => [
    Number(m[3]),
    m[1],
    m[2],
  ]);
/** The ids of the notes in the footnotes section, in order. */
const notes = (html: string) => [...html.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1]);
const section = (html: string) => html.slice(html.indexOf('<section class="footnotes"'));

test('notes are numbered in the order of their first reference; repeated references share the number', () => {
  const html = render(['First[^b], then[^a], again[^b] and [^B].', '', '[^a]: Note A.', '[^b]: Note B.'].join('\n'));
  assert.deepEqual(refs(html), [
    [1, '#fn-b', 'fnref-b'],
    [2, '#fn-a', 'fnref-a'],
    [1, '#fn-b', 'fnref-b-2'],
    [1, '#fn-b', 'fnref-b-3'],
  ]);
  assert.deepEqual(notes(html), ['fn-b', 'fn-a']);
  assert.match(section(html), /^<section class="footnotes" data-footnotes>\n<h2 class="sr-only">Footnotes<\/h2>\n<ol>\n/);
  // One back-link per reference; the second and third are numbered.
  assert.match(
    html,
    /<li id="fn-b">\n<p>Note B\. <a href="#fnref-b" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩<\/a> <a href="#fnref-b-2"[^>]*>↩<sup class="footnote-ref">2<\/sup><\/a> <a href="#fnref-b-3"[^>]*>↩<sup class="footnote-ref">3<\/sup><\/a><\/p>\n<\/li>/,
  );
});

test('a reference to an undefined label stays text, an unreferenced definition is not shown, a link wins over a reference', () => {
  const html = render(
    ['Missing [^nope], link [^a](https://example.org/), used [^a].', '', '[^a]: Used.', '', '[^unused]: Never referenced.'].join('\n'),
  );
  assert.match(html, /Missing \[\^nope\], link <a href="https:\/\/example.org\/">\^a<\/a>, used <sup/);
  assert.deepEqual(notes(html), ['fn-a']);
  assert.ok(!html.includes('Never referenced'));
});

test('a document without references has no footnotes section, and a definition shows nothing where it stands', () => {
  assert.equal(render('Text.\n\n[^a]: Note.\n'), '<p>Text.</p>\n');
});

test('a definition holds indented paragraphs and lazy lines; the back-link ends its last paragraph', () => {
  const html = render(
    [
      'Text[^long].',
      '',
      '[^long]: First line',
      'lazy continuation',
      '    indented continuation',
      '',
      '    Second paragraph.',
      '',
      '        code in the note',
      '',
      'After the note.',
    ].join('\n'),
  );
  assert.equal(
    section(html).split('<ol>\n')[1],
    [
      '<li id="fn-long">',
      '<p>First line',
      'lazy continuation',
      'indented continuation</p>',
      '<p>Second paragraph.</p>',
      '<pre><code>code in the note',
      '</code></pre>',
      '<p><a href="#fnref-long" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p>',
      '</li>',
      '</ol>',
      '</section>',
      '',
    ].join('\n'),
  );
  assert.ok(html.startsWith('<p>Text<sup class="footnote-ref">'));
  assert.ok(html.includes('<p>After the note.</p>\n<section'));
});

test('a definition interrupts a paragraph, and the next definition ends the one before', () => {
  const html = render('Text[^1] and[^2]\n[^1]: One\n[^2]: Two\n');
  assert.match(html, /^<p>Text<sup[^]*<\/sup><\/p>\n<section/);
  assert.match(section(html), /<li id="fn-1">\n<p>One <a[^]*<li id="fn-2">\n<p>Two <a/);
});

const CHARS = String.raw`a_1 * b_2 \\ \{c\} \, \; |d| < e > f & g ~ \# h`;

test('math with each of _ * \\ \\{ \\} \\, \\; | < > & ~ # survives in a definition and in the paragraph of its reference', () => {
  const text = [
    `See $${CHARS}$ and the note[^m] **with $x_*$** in bold.`,
    '',
    `[^m]: Inline $${CHARS}$, *emphasised $y_*$*.`,
    '',
    `    Indented $$${CHARS}$$ on.`,
    '',
  ].join('\n');
  const doc = parseMarkdown(text);
  assert.deepEqual(
    doc.formulas.map((f) => f.tex),
    [CHARS, 'x_*', CHARS, 'y_*', CHARS],
  );
  for (const f of doc.formulas) assert.equal(text.slice(f.texOffset, f.texOffset + f.tex.length), f.tex);
  const lines = text.split('\n');
  const at = (line: number, written: string) => [line, lines[line - 1]!.indexOf(written) + 1];
  assert.deepEqual(
    doc.formulas.map((f) => [f.line, f.column]),
    [at(1, `$${CHARS}$`), at(1, '$x_*$'), at(3, `$${CHARS}$`), at(3, '$y_*$'), at(5, `$$${CHARS}$$`)],
  );
  const html = render(text);
  const wrapped = [...html.matchAll(/data-formula="(\d+)" translate="no">\[([^]*?)\]<\/span>/g)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(wrapped, [
    [0, escapeHtml(CHARS)],
    [1, 'x_*'],
    [2, escapeHtml(CHARS)],
    [3, 'y_*'],
    [4, escapeHtml(CHARS)],
  ]);
  assert.match(section(html), /<p>Inline <span[^>]*>\[[^]*\]<\/span>, <em>emphasised <span[^>]*>\[y_\*\]<\/span><\/em>\.<\/p>/);
});

test('footnote ids avoid heading ids and each other, and odd labels are escaped', () => {
  const html = render(['# fn a', '', 'Refs[^a][^a][^a-2][^x"<y>].', '', '[^a]: A.', '[^a-2]: A2.', '[^x"<y>]: Odd.'].join('\n'));
  assert.match(html, /<h1 id="fn-a">/);
  assert.deepEqual(refs(html), [
    [1, '#fn-a-1', 'fnref-a-1'],
    [1, '#fn-a-1', 'fnref-a-1-2'],
    [2, '#fn-a-2', 'fnref-a-2'],
    [3, '#fn-x%22%3Cy%3E', 'fnref-x%22%3Cy%3E'],
  ]);
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, ids.join(' '));
});

const renderer = new MathdownRenderer();
after(() => renderer.dispose());

test('the renderer puts the footnotes section in a block of its own after the last line, without data-line', async () => {
  const text = 'Text[^a] $x$.\n\n[^a]: Note $y_1$.\n';
  const r = await renderer.render(text);
  const last = r.blocks.at(-1)!;
  assert.deepEqual([last.startLine, last.endLine, last.formulaIndices], [r.lineCount, r.lineCount, [1]]);
  assert.ok(last.html.startsWith('<section class="footnotes"'));
  assert.ok(!last.html.includes('data-line'));
  assert.match(last.html, /data-formula="1"/);
  assert.ok(r.html.endsWith(last.html));
});

test('a block whose reference numbers change gets a new key and HTML', async () => {
  const text = 'Intro.\n\nSecond[^b].\n\n[^a]: A.\n[^b]: B.\n';
  const before = await renderer.render(text, { documentKey: 'fn-keys' });
  const after = await renderer.render(text.replace('Intro.', 'Intro[^a].'), { documentKey: 'fn-keys' });
  const second = (r: typeof before) => r.blocks.find((b) => b.html.includes('Second'))!;
  assert.match(second(before).html, />1<\/a><\/sup>/);
  assert.match(second(after).html, />2<\/a><\/sup>/);
  assert.notEqual(second(before).key, second(after).key);
  assert.deepEqual(notes(after.html), ['fn-a', 'fn-b']);
});

test('raw HTML in a note is made safe like raw HTML anywhere else', () => {
  const html = render('Text[^x].\n\n[^x]: <img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">link</a> <sub>2</sub>\n');
  const note = section(html);
  assert.match(note, /<img src="x" ?\/?>/);
  assert.match(note, /<sub>2<\/sub>/);
  assert.ok(!/onerror|javascript:/i.test(note), note);
});
