// Raw HTML is kept but made safe, also when Marked hands it over in pieces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown, renderHtml, topLevelBlocks } from '../../src/core/markdown';

const render = (text: string): string => {
  const doc = parseMarkdown(text);
  return renderHtml(doc, (i) => `[${doc.formulas[i]!.tex}]`, { dataLine: false });
};

/** Checks the markup (text is escaped, so only tags can carry active content). */
function assertSafe(html: string): void {
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    assert.doesNotMatch(tag, /^<(script|iframe|object|embed|form|meta|style|link|base)\b/i);
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(tag, /javascript:|vbscript:|data:text/i);
  }
}

test('<details> spanning Markdown blocks stays one element around them', () => {
  const text = '<details>\n<summary>More $a$</summary>\n\nBody $x$.\n\n- item\n\n</details>\n\nAfter.\n';
  const html = render(text);
  // Marked drops the blank lines that end an HTML block (they become a space token).
  assert.equal(
    html,
    [
      '<details>\n<summary>More <span class="mathdown-math" data-formula="0" translate="no">[a]</span></summary>',
      '<p>Body <span class="mathdown-math" data-formula="1" translate="no">[x]</span>.</p>\n',
      '<ul>\n<li>item</li>\n</ul>\n',
      '</details>',
      '<p>After.</p>\n',
    ].join(''),
  );
  const doc = parseMarkdown(text);
  assert.deepEqual(
    topLevelBlocks(doc).map((b) => [b.startLine, b.endLine]),
    [
      [0, 8],
      [9, 10],
    ],
  );
});

test('inline raw HTML pieces keep their pairs: H<sub>2</sub>O, <kbd>Ctrl</kbd>', () => {
  assert.equal(
    render('H<sub>2</sub>O and <kbd>Ctrl</kbd>+<kbd>C</kbd><br>x'),
    '<p>H<sub>2</sub>O and <kbd>Ctrl</kbd>+<kbd>C</kbd><br>x</p>\n',
  );
});

test('a tag left open in a paragraph is closed at its end; a lone close tag is dropped', () => {
  assert.equal(render('a <b>bold\n\nnext </b> and </div> end'), '<p>a <b>bold</b></p>\n<p>next  and  end</p>\n');
});

test('an element left open at the end of the document is closed', () => {
  assert.equal(render('<details>\n<summary>s</summary>\n\ntext\n'), '<details>\n<summary>s</summary><p>text</p>\n</details>');
});

test('event handlers, scripts and dangerous elements are removed', () => {
  const html = render(
    [
      '<img src="x.png" onerror="alert(1)" alt="pic">',
      '',
      '<script>alert(1)</script>',
      '',
      'inline <script>alert(2)</script> and <iframe src="https://e.com"></iframe> <object data="x"></object> <embed src="x">',
      '',
      '<form action="/x"><input name="q"></form>',
      '',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '',
      '<style>body{display:none}</style>',
      '',
      '<div onclick="alert(1)" align="center">centred</div>',
      '',
      '<kbd><img src=x onerror=alert(1)//</kbd>',
    ].join('\n'),
  );
  assertSafe(html);
  assert.match(html, /<img src="x.png" alt="pic">/);
  assert.match(html, /<div align="center">centred<\/div>/);
  assert.match(html, /<kbd>&lt;img src=x onerror=alert\(1\)\/\/<\/kbd>/);
});

test('javascript: and data: URLs are dropped, data:image on images is kept', () => {
  const html = render(
    [
      '<a href="javascript:alert(1)">raw</a> <a href="https://example.com" title="t">ok</a>',
      '',
      '[md](javascript:alert(1)) [enc](&#106;avascript:alert(1)) [tab](java\tscript:alert(1)) [data](data:text/html,<b>x</b>)',
      '',
      '<javascript:alert(1)> <https://example.com/a>',
      '',
      '![pic](data:image/png;base64,AAAA) ![bad](data:text/html;base64,AAAA) <img src="data:text/html,x"> <img src="data:image/gif;base64,R0">',
      '',
      '[rel](docs/page.md#part) [mail](mailto:a@b.c)',
    ].join('\n'),
  );
  assertSafe(html);
  assert.match(html, /<a href="https:\/\/example.com" title="t">ok<\/a>/);
  assert.match(html, /<a>raw<\/a>/);
  assert.match(html, /<p>md enc /);
  assert.match(html, /<a href="https:\/\/example.com\/a">/);
  assert.match(html, /<img src="data:image\/png;base64,AAAA" alt="pic">/);
  assert.match(html, /bad <img> <img src="data:image\/gif;base64,R0">/);
  assert.match(html, /<a href="docs\/page.md#part">rel<\/a> <a href="mailto:a@b.c">mail<\/a>/);
});

test('math inside raw HTML is math, attributes and <pre> are not', () => {
  const doc = parseMarkdown('<div title="$t$">\n$$\n\\frac{a}{b}\n$$\n<pre>$p$</pre>\n</div>\n');
  assert.deepEqual(
    doc.formulas.map((f) => f.tex),
    ['\n\\frac{a}{b}\n'],
  );
  const html = renderHtml(doc, () => '<svg></svg>', { dataLine: true });
  assert.equal(
    html,
    '<div data-line="0" title="$t$" class="code-line">\n<span class="mathdown-math mathdown-display-inline" data-formula="0" translate="no"><svg></svg></span>\n<pre>$p$</pre>\n</div>\n',
  );
});
