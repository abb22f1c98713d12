import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Typesetter } from './helpers/nodeTypesetter';

/** These tests are not about time: a generous budget keeps them independent of the machine's load. */
const RELAXED = { timeoutMs: 60_000 };

interface Tag {
  name: string;
  attributes: Array<[string, string]>;
}

/** Tags and their attributes as an HTML parser would see them (values double-quoted, as the serializer writes them). */
function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const re = /<([a-zA-Z][\w:-]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const tag: Tag = { name: m[1]!, attributes: [] };
    let i = re.lastIndex;
    for (;;) {
      while (/\s/.test(html[i]!)) i++;
      if (html[i] === '>' || html.startsWith('/>', i)) break;
      const name = /^[^\s"'>/=]+/.exec(html.slice(i))![0];
      i += name.length;
      let value = '';
      if (html[i] === '=') {
        assert.equal(html[i + 1], '"', `attribute ${name} is double-quoted`);
        const end = html.indexOf('"', i + 2);
        value = html.slice(i + 2, end);
        i = end + 1;
      }
      tag.attributes.push([name.toLowerCase(), value]);
    }
    re.lastIndex = i;
    tags.push(tag);
  }
  return tags;
}

function attributes(html: string): Array<[string, string]> {
  return parseTags(html).flatMap((t) => t.attributes);
}

const attacks = [
  '\\href{x" onmouseover="alert(1)}{x}',
  '\\href{javascript:alert(1)}{x}',
  '\\href{JavaScript:alert(1)}{x}',
  '\\href{data:text/html,<script>alert(1)</script>}{x}',
  '\\style{color:red" onload="alert(1)}{x}',
  '\\style{position:fixed;top:0;left:0;width:100%;height:100%;background:url(https://example.org/x.png)}{x}',
  '\\bbox[border:1px solid red" onclick="alert(1)]{y}',
  '\\unicode[Arial" onclick="alert(1)]{x41}',
  '\\class{evil-class}{x}',
  '\\cssId{login-form}{x}',
  '\\color{red" onclick="alert(1)}{x}',
  '\\enclose{circle}[mathcolor="red" onclick="alert(1)"]{x}',
  '\\text{<script>alert(1)</script>} <img src=x onerror=alert(1)>',
];

describe('Typesetter: safety', () => {
  let ts: Typesetter;
  before(() => {
    ts = new Typesetter(RELAXED);
  });
  after(() => ts.dispose());

  for (const assistiveMml of [false, true]) {
    it(`lets no formula inject attributes, scripts or unsafe links${assistiveMml ? ' (with assistive MathML)' : ''}`, async () => {
      const { formulas } = await ts.typeset({
        jobs: attacks.map((tex) => ({ tex, display: false })),
        macros: {},
        equationNumbers: 'ams',
        assistiveMml,
      });
      formulas.forEach((f, k) => {
        const context = `${attacks[k]} → ${f.html.replace(/ d="[^"]*"/g, '')}`;
        const tags = parseTags(f.html);
        assert.ok(!tags.some((t) => /^(script|img|iframe|object)$/i.test(t.name)), context);
        for (const [name, value] of attributes(f.html)) {
          assert.doesNotMatch(name, /^on/, context);
          if (name === 'href' || name === 'xlink:href') assert.doesNotMatch(value, /^\s*(javascript|data):/i, context);
          if (name === 'class') assert.doesNotMatch(value, /evil/, context);
          if (name === 'id') assert.notEqual(value, 'login-form', context);
          if (name === 'style') assert.doesNotMatch(value, /fixed|url\(/, context);
        }
      });
      assert.equal(formulas[0]!.error, undefined);
      assert.match(formulas[0]!.html, /href="x&quot; onmouseover=&quot;alert\(1\)"/, 'the quote is escaped, not dropped');
    });
  }

  it('keeps ordinary links and MathJax’s own classes', async () => {
    const { formulas } = await ts.typeset({
      jobs: [{ tex: '\\href{https://example.org/?a=1&b=2}{x} \\class{mjx-ok}{y}', display: false }],
      macros: {},
      equationNumbers: 'ams',
    });
    const attrs = attributes(formulas[0]!.html);
    assert.ok(attrs.some(([n, v]) => n === 'href' && v === 'https://example.org/?a=1&amp;b=2'));
    assert.ok(attrs.some(([n, v]) => n === 'class' && v.trim() === 'mjx-ok'));
  });
});
