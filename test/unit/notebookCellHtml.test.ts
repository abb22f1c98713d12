// The notebook renderer's table of cell HTML (src/webview/notebook/cellHtml.ts): cells with the same
// text but other HTML (the second of two identical numbered equations is (2)) each get their own,
// matched by their place in the notebook; before, the last cell's HTML went to every cell with that text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CellHtmlTable } from '../../src/webview/notebook/cellHtml';

const SAME = '\\begin{equation} x \\end{equation}';

function table(): CellHtmlTable {
  const t = new CellHtmlTable();
  t.set([
    { text: SAME, html: '<p>x (1)</p>' },
    { text: 'between', html: '<p>between</p>' },
    { text: SAME, html: '<p>x (2)</p>' },
    { text: 'after', html: '<p>after</p>' },
    { text: SAME, html: '<p>x (3)</p>' },
  ]);
  return t;
}

test('identical cells shown in notebook order each get their own HTML', () => {
  assert.deepEqual(table().assign([SAME, 'between', SAME, 'after', SAME]), [
    '<p>x (1)</p>',
    '<p>between</p>',
    '<p>x (2)</p>',
    '<p>after</p>',
    '<p>x (3)</p>',
  ]);
});

test('cells not drawn yet leave gaps: a cell after another takes the next cell with its text', () => {
  assert.deepEqual(table().assign(['after', SAME]), ['<p>after</p>', '<p>x (3)</p>']);
  assert.deepEqual(table().assign(['between', SAME]), ['<p>between</p>', '<p>x (2)</p>']);
  assert.deepEqual(table().assign([SAME, SAME]), ['<p>x (1)</p>', '<p>x (2)</p>']);
});

test('a text the notebook does not hold gets nothing; forText is the first cell with the text', () => {
  const t = table();
  assert.deepEqual(t.assign(['gone', 'between']), [undefined, '<p>between</p>']);
  assert.equal(t.forText(SAME), '<p>x (1)</p>');
  assert.equal(t.forText('gone'), undefined);
  assert.ok(t.has('after'));
  t.set([]);
  assert.equal(t.has('after'), false);
});
