// The portability oracle: render a document with a Markdown renderer that knows no math and
// check, formula by formula, whether the text MathJax would find in the browser is still the
// formula the author wrote. Not a test file; used by lintOracle.test.ts and scripts.
import { execFileSync } from 'node:child_process';
import { HtmlRenderer, Parser } from 'commonmark';
import { decodeHTML } from 'entities';
import { Marked, type Token, type TokensList } from 'marked';
import type { Formula } from '../../src/core/types';

/**
 * `cmark-gfm` is an asm.js build of GitHub's cmark-gfm from npm (2018, 0.28: tables cannot yet
 * interrupt a paragraph); `cmark-gfm-cli` runs the real `cmark-gfm` program (Debian's apt package,
 * 0.29), when installed.
 */
export type OracleRenderer = 'cmark-gfm' | 'cmark-gfm-cli' | 'marked-gfm' | 'commonmark.js';

/** The installed `cmark-gfm` program's version line, or undefined when there is none. */
export function cmarkGfmCliVersion(): string | undefined {
  try {
    return execFileSync('cmark-gfm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      .split(' - ')[0]
      .trim();
  } catch {
    return undefined;
  }
}

interface CmarkGfm {
  convert(md: string, options: number): string;
  Option: { sourcePos: number; default: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package without types
const cmarkGfm = require('cmark-gfm-js') as CmarkGfm;

/** Separator standing for a tag boundary, which MathJax's text search does not cross. */
const SEP = '\u0001';
/** Start and end of `<code>` content, which MathJax skips (its skipHtmlTags). */
const CODE_OPEN = '\u0002';
const CODE_CLOSE = '\u0003';

/** A top-level block of rendered output: its 1-based source lines and its text as MathJax sees it. */
interface RenderedChunk {
  startLine: number;
  endLine: number;
  text: string;
}

export function renderChunks(markdown: string, renderer: OracleRenderer): RenderedChunk[] {
  const text = markdown.replace(/\r\n?/g, '\n');
  if (renderer === 'marked-gfm') return markedChunks(text);
  const html =
    renderer === 'cmark-gfm'
      ? cmarkGfm.convert(text, cmarkGfm.Option.sourcePos | cmarkGfm.Option.default)
      : renderer === 'cmark-gfm-cli'
        ? execFileSync(
            'cmark-gfm',
            ['--sourcepos', '--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
            { input: text, encoding: 'utf8' },
          )
        : new HtmlRenderer({ sourcepos: true }).render(new Parser().parse(text));
  return sourceposChunks(html);
}

function markedChunks(text: string): RenderedChunk[] {
  const marked = new Marked({ gfm: true });
  const tokens = marked.lexer(text);
  const out: RenderedChunk[] = [];
  let line = 1;
  for (const t of tokens) {
    const lines = t.raw.split('\n').length - 1;
    const sub = [t] as Token[] as TokensList;
    sub.links = tokens.links;
    if (t.type !== 'space')
      out.push({
        startLine: line,
        endLine: line + Math.max(0, lines - (t.raw.endsWith('\n') ? 1 : 0)),
        text: htmlToMathJaxText(marked.parser(sub)),
      });
    line += lines;
  }
  return out;
}

/** Splits HTML rendered with `data-sourcepos` into its outermost positioned elements (and loose HTML between them). */
function sourceposChunks(html: string): RenderedChunk[] {
  const chunks: Array<{ startLine?: number; endLine?: number; html: string }> = [];
  const stack: string[] = [];
  let current = { html: '' } as { startLine?: number; endLine?: number; html: string };
  const TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>/g;
  let at = 0;
  for (const m of html.matchAll(TAG)) {
    current.html += html.slice(at, m.index);
    at = m.index + m[0].length;
    const pos = /data-sourcepos="(\d+):\d+-(\d+):\d+"/.exec(m[3] ?? '');
    if (!m[1] && pos && !/\/\s*$/.test(m[3]) && stack.length === 0) {
      if (current.html.trim()) chunks.push(current);
      current = { startLine: +pos[1], endLine: +pos[2], html: m[0] };
      stack.push(m[2]);
      continue;
    }
    current.html += m[0];
    if (!m[1] && pos && !/\/\s*$/.test(m[3])) stack.push(m[2]);
    else if (m[1] && stack.length && stack[stack.length - 1] === m[2]) {
      stack.pop();
      if (!stack.length) {
        chunks.push(current);
        current = { html: '' };
      }
    }
  }
  current.html += html.slice(at);
  if (current.html.trim()) chunks.push(current);
  return chunks.map((c, i) => ({
    startLine: c.startLine ?? (chunks[i - 1]?.endLine ?? 0) + 1,
    endLine: c.endLine ?? (chunks[i + 1]?.startLine ?? Number.MAX_SAFE_INTEGER) - 1,
    text: htmlToMathJaxText(c.html),
  }));
}

/**
 * The text a browser shows, with a separator at each tag boundary. Like MathJax's text search:
 * `<br>` reads as a line break, `<wbr>` and comments as nothing, any other tag as a boundary.
 */
export function htmlToMathJaxText(html: string): string {
  let out = '';
  let at = 0;
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9]*)[^>]*>/g)) {
    out += decodeHTML(html.slice(at, m.index));
    at = m.index + m[0].length;
    const tag = (m[1] ?? '').toLowerCase();
    out +=
      m[0].startsWith('<!--') || tag === 'wbr'
        ? ''
        : tag === 'br'
          ? '\n'
          : tag === 'code'
            ? m[0][1] === '/'
              ? CODE_CLOSE
              : CODE_OPEN
            : SEP;
  }
  return normalise(out + decodeHTML(html.slice(at)));
}

function normalise(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ?\u0001[\u0001 ]*/g, SEP)
    .replace(/ ?([\u0002\u0003]) ?/g, '$1');
}

/** Is `at` inside `<code>` content? */
function inCode(text: string, at: number): boolean {
  return text.lastIndexOf(CODE_OPEN, at - 1) > text.lastIndexOf(CODE_CLOSE, at - 1);
}

/** The text that must survive for the formula to reach MathJax as written; undefined: not judged. */
export function expectedText(f: Formula): string | undefined {
  switch (f.delimiter) {
    case '$':
      return `$${f.tex}$`;
    case '$$':
      return `$$${f.tex}$$`;
    case '\\(':
    case '\\\\(':
      return `\\(${f.tex}\\)`;
    case '\\[':
    case '\\\\[':
      return `\\[${f.tex}\\]`;
    case 'env':
      return f.tex;
    case '$`':
      return `$${CODE_OPEN}${f.tex}${CODE_CLOSE}$`;
    case 'math-fence':
      return `${CODE_OPEN}${f.tex}${CODE_CLOSE}`;
    default:
      return undefined;
  }
}

/**
 * Indices of the formulas the renderer mangles (their text does not survive), among those judged.
 * Each block's formulas are matched to places in its output in order, without overlaps, so that
 * as many as possible are found: a mangled formula whose text occurs again, intact, later in the
 * block is not taken for that later copy at the expense of the formulas between them.
 */
export function mangledFormulas(
  markdown: string,
  formulas: readonly Formula[],
  renderer: OracleRenderer,
): { judged: number[]; mangled: Set<number> } {
  const chunks = renderChunks(markdown, renderer);
  const judged: number[] = [];
  const mangled = new Set<number>();
  const byChunk = new Map<RenderedChunk, Array<{ formula: number; want: string; verbatim: boolean }>>();
  formulas.forEach((f, i) => {
    const expected = expectedText(f);
    if (expected === undefined) return;
    judged.push(i);
    const chunk = chunks.find((c) => c.startLine <= f.line && f.line <= c.endLine);
    if (!chunk) {
      mangled.add(i);
      return;
    }
    if (!byChunk.has(chunk)) byChunk.set(chunk, []);
    byChunk.get(chunk)!.push({ formula: i, want: normalise(expected), verbatim: f.delimiter === '$`' || f.delimiter === 'math-fence' });
  });
  for (const [chunk, list] of byChunk) {
    const found = matchInOrder(
      list.map(({ want, verbatim }) => {
        const at: number[] = [];
        for (let p = chunk.text.indexOf(want); p >= 0; p = chunk.text.indexOf(want, p + 1))
          if (verbatim || !inCode(chunk.text, p)) at.push(p);
        return { at, length: want.length };
      }),
    );
    list.forEach(({ formula }, k) => {
      if (!found.has(k)) mangled.add(formula);
    });
  }
  return { judged, mangled };
}

/**
 * The most items that can be given one of their places each, in order and without overlaps
 * (item k's place starts at or after the end of the place of every earlier item given one);
 * on ties, the earlier items and places. Returns the indices of the items placed.
 */
function matchInOrder(items: ReadonlyArray<{ at: readonly number[]; length: number }>): Set<number> {
  // best[k][c]: the most items placed among 0..k when item k takes its c-th place; from: the item and place before it.
  const best: number[][] = [];
  const from: Array<Array<[number, number] | undefined>> = [];
  // Places taken so far, by end offset, with the best count ending there (earliest first on ties).
  const ends: Array<{ end: number; count: number; item: number; place: number }> = [];
  items.forEach((item, k) => {
    best[k] = [];
    from[k] = [];
    item.at.forEach((p, c) => {
      let top: (typeof ends)[number] | undefined;
      for (const e of ends) if (e.end <= p && (!top || e.count > top.count)) top = e;
      best[k][c] = (top?.count ?? 0) + 1;
      from[k][c] = top ? [top.item, top.place] : undefined;
    });
    item.at.forEach((p, c) => ends.push({ end: p + item.length, count: best[k][c], item: k, place: c }));
  });
  let last: [number, number] | undefined;
  let most = 0;
  best.forEach((row, k) =>
    row.forEach((n, c) => {
      if (n > most) [most, last] = [n, [k, c]];
    }),
  );
  const placed = new Set<number>();
  for (let at = last; at; at = from[at[0]][at[1]]) placed.add(at[0]);
  return placed;
}
