import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headingByFragment, headingsOf, parseMarkdown, renderHtml } from '../../src/core/markdown';

const DOC = [
  '# Intro', //                0
  '',
  '## Intro', //               2
  '',
  '> ### Quoted *words*', //   4
  '',
  '- #### In a list', //       6
  '',
  'Set-ext title', //          8
  '=============',
  '',
  '## Energy  $E = mc^2$', // 11
  '',
  '#',
  '',
  '```',
  '# not a heading',
  '```',
  '',
  '## Été &amp; co', //       19
  '',
].join('\n');

test('headingsOf: ids as GitHub makes them (a repeated heading gets -1), text, level, line', () => {
  const headings = headingsOf(parseMarkdown(DOC));
  assert.deepEqual(
    headings.map(({ id, text, level, line, topLevel }) => ({ id, text, level, line, topLevel })),
    [
      { id: 'intro', text: 'Intro', level: 1, line: 0, topLevel: true },
      { id: 'intro-1', text: 'Intro', level: 2, line: 2, topLevel: true },
      { id: 'quoted-words', text: 'Quoted words', level: 3, line: 4, topLevel: false },
      { id: 'in-a-list', text: 'In a list', level: 4, line: 6, topLevel: false },
      { id: 'set-ext-title', text: 'Set-ext title', level: 1, line: 8, topLevel: true },
      { id: 'energy--e--mc2', text: 'Energy $E = mc^2$', level: 2, line: 11, topLevel: true },
      { id: '', text: '', level: 1, line: 13, topLevel: true },
      { id: 'été--co', text: 'Été & co', level: 2, line: 19, topLevel: true },
    ],
  );
});

test('the rendered HTML carries the same ids on the same lines', () => {
  const doc = parseMarkdown(DOC);
  const html = renderHtml(doc, (i) => doc.formulas[i]!.tex);
  const found = [...html.matchAll(/<h([1-6]) id="([^"]*)" data-line="(\d+)"/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  const expected = headingsOf(doc)
    .filter((h) => h.id)
    .map((h) => `${h.level} ${h.id} ${h.line}`);
  assert.deepEqual(found, expected);
});

test('headingByFragment: the id a link names, percent-encoded or not, in any case', () => {
  const headings = headingsOf(parseMarkdown(DOC));
  assert.equal(headingByFragment(headings, 'intro-1')?.line, 2);
  assert.equal(headingByFragment(headings, '#Intro')?.line, 0);
  assert.equal(headingByFragment(headings, encodeURIComponent('été--co'))?.line, 19);
  assert.equal(headingByFragment(headings, 'intro-2'), undefined);
  assert.equal(headingByFragment(headings, '%E0%A4%A'), undefined, 'a malformed escape is compared as written');
});
