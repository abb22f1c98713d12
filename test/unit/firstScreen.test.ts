import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { MathdownRenderer, ParseCache, type RenderResult } from './helpers/testRenderer';

const renderer = new MathdownRenderer();
after(() => renderer.dispose());

/** A preamble defining \R, then 200 paragraphs (lines 2k+2), every tenth a numbered equation; then prose. */
const lines = ['$\\newcommand{\\R}{\\mathbb{R}}$', ''];
for (let k = 0; k < 200; k++) {
  lines.push(
    k % 10 === 0 ? `$$\\begin{equation} f_{${k}} \\in \\R \\label{e${k}} \\end{equation}$$` : `Paragraph ${k} with $x_{${k}} \\in \\R$.`,
    '',
  );
}
// Then prose without math, so that the text past a first screen is long enough for one to be made.
for (let k = 0; k < 500; k++) lines.push(`Closing remark ${k}: plain words only, no formula here at all.`, '');
const text = lines.join('\n');

/** The equation number drawn by MathJax's SVG output, read from its glyphs. */
function equationNumber(html: string): string {
  const labels = html.slice(html.indexOf('data-labels="true"'));
  return [...labels.matchAll(/data-c="([0-9A-F]+)"/g)].map((m) => String.fromCodePoint(parseInt(m[1]!, 16))).join('');
}

async function withFirstScreen(fromLine: number, toLine: number): Promise<{ first: RenderResult[]; full: RenderResult }> {
  const first: RenderResult[] = [];
  const full = await renderer.render(text, {
    fontCache: 'global',
    documentKey: `fs${fromLine}`,
    firstScreen: { fromLine, toLine, onResult: (r) => first.push(r) },
  });
  return { first, full };
}

test('the first screen arrives first, typeset, and the full result then agrees with it on that screen', async () => {
  const { first, full } = await withFirstScreen(0, 20);
  assert.equal(first.length, 1);
  const partial = first[0]!;
  assert.equal(partial.lineCount, full.lineCount);
  assert.ok(partial.blocks.length < full.blocks.length / 2, 'only the top of the document');
  const onScreen = partial.formulas.filter((f) => f.line - 1 < 20);
  assert.ok(onScreen.length >= 10);
  for (const block of partial.blocks.filter((b) => b.endLine <= 20)) {
    assert.doesNotMatch(block.html, /mathdown-typesetting/, `block at line ${block.startLine} is typeset`);
    const same = full.blocks.find((b) => b.startLine === block.startLine)!;
    assert.equal(block.key, same.key, `block at line ${block.startLine} is final`);
  }
  assert.match(partial.blocks.at(-1)!.html, /mathdown-typesetting/, 'formulas past the screen wait, shown as TeX');
  assert.doesNotMatch(full.html, /mathdown-typesetting/);
  assert.equal(partial.formulas.filter((f) => f.error).length, 0);
});

test('a screen in the middle gets the definitions made above it, and its equations are renumbered by the full result', async () => {
  const { first, full } = await withFirstScreen(200, 230);
  const partial = first[0]!;
  const block = (r: RenderResult, line: number) => r.blocks.find((b) => b.startLine === line)!;
  // Line 202 holds paragraph 100's equation: f_{100}, the eleventh numbered one.
  assert.doesNotMatch(block(partial, 204).html, /mathdown-typesetting/);
  assert.equal(partial.formulas.filter((f) => f.error).length, 0, '\\R is known on the screen');
  assert.match(block(partial, 10).html, /mathdown-typesetting/, 'above the screen: not typeset yet');
  assert.equal(equationNumber(block(full, 202).html), '(11)');
  assert.equal(equationNumber(block(partial, 202).html), '(1)', 'provisional number: the equations above were not counted');
});

test('a document that ends near the screen is rendered once, in full', async () => {
  const first: RenderResult[] = [];
  await renderer.render('Short $x$.\n\nNote $y$.\n', { firstScreen: { fromLine: 0, toLine: 50, onResult: (r) => first.push(r) } });
  assert.equal(first.length, 0);
});

test('a first screen asked for while another render runs is shown before that render ends', async () => {
  const other = new MathdownRenderer();
  try {
    await other.render('Warm $x$.\n');
    const long = Array.from({ length: 4000 }, (_, k) => `Item ${k}: $a_{${k}} + b^{${k}}$.`).join('\n\n');
    const events: string[] = [];
    const whole = other.render(long, { fontCache: 'global' }).then(() => events.push('the other render'));
    let full: Promise<unknown> | undefined;
    const first = new Promise<void>((resolve) => {
      full = other.render(text, {
        fontCache: 'global',
        documentKey: 'busy',
        firstScreen: {
          fromLine: 0,
          toLine: 20,
          onResult: () => {
            events.push('first screen');
            resolve();
          },
        },
      });
    });
    await Promise.all([whole, first, full]);
    assert.deepEqual(events, ['first screen', 'the other render']);
  } finally {
    await other.dispose();
  }
});

test("a document another reader has parsed whole is not parsed again for the first screen, which shows what the prefix's own parse shows", async () => {
  const parses = new ParseCache();
  const shared = new MathdownRenderer({ parses });
  try {
    const screen = { fromLine: 200, toLine: 230 };
    const fromPrefix: RenderResult[] = [];
    await shared.render(text, {
      fontCache: 'global',
      documentKey: 'prefix',
      firstScreen: { ...screen, onResult: (r) => fromPrefix.push(r) },
    });
    // The editor's math (or completion) parses the document first, as one of the parse's readers.
    parses.parse(text, {}, 'whole');
    const parsedBefore = parses.stats.parsed;
    const fromWhole: RenderResult[] = [];
    const full = await shared.render(text, {
      fontCache: 'global',
      documentKey: 'whole',
      firstScreen: { ...screen, onResult: (r) => fromWhole.push(r) },
    });
    assert.equal(parses.stats.parsed, parsedBefore, 'neither the first screen nor the full render parsed the text again');
    const [a, b] = [fromPrefix[0]!, fromWhole[0]!];
    const shape = (r: RenderResult) => r.blocks.map((x) => ({ key: x.key, startLine: x.startLine, endLine: x.endLine, html: x.html }));
    // The prefix's own parse leaves out its last block (the cut may split it); the whole parse has it whole.
    assert.deepEqual(shape(b).slice(0, a.blocks.length), shape(a));
    assert.equal(b.blocks.length, a.blocks.length + 1);
    assert.ok(b.blocks.at(-1)!.endLine < full.lineCount - 100, 'the first screen stops near the screen');
    assert.doesNotMatch(b.blocks.find((x) => x.startLine === 204)!.html, /mathdown-typesetting/, 'the screen is typeset');
    assert.equal(b.lineCount, full.lineCount);
  } finally {
    await shared.dispose();
  }
});
