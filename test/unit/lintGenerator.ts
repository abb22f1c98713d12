// A deterministic generator of Markdown documents with math in every container, mixing the
// characters Markdown treats specially. Not a test file; used by lintOracle.test.ts.

/** mulberry32: a small seeded PRNG, so that every run generates the same documents. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['a', 'x', 'b_1', 'x_i', 'y^2', '\\alpha', '\\mathbf{v}', 'f(x)', '1', '2n', '\\sum_{i=1}^n', '\\frac{a}{b}', 'e^{i\\pi}'];
const SPECIALS = [
  '_',
  '*',
  '\\\\',
  '\\{',
  '\\}',
  '\\,',
  '\\;',
  '\\!',
  '|',
  '\\|',
  '<',
  '>',
  '<b>',
  '</i>',
  '&',
  '&amp;',
  '&lt;',
  '&x;',
  '~',
  '~~',
  '#',
  '\\#',
  '\\_',
  '\\%',
  '\\&',
  '`',
  '[a](b)',
  '[0,1]',
  '^*',
  '_{ij}',
  '**',
  '__',
  '<!-- c -->',
  '<http://x.y>',
  'www.ex.com',
  '\\ ',
  'a_b',
  'x^*_i',
  '*_',
  '\\(',
  '\\[',
  '[x][r]',
  '!',
  '\\-',
  '\\+',
  '\\.',
  '\\<',
];
const PROSE = [
  'text',
  'word',
  'more',
  '*emph*',
  '_under_',
  'a*b',
  '**',
  '_',
  '`code`',
  'x',
  '|',
  '~',
  'snake_case',
  '[link](u)',
  '&amp;',
  '<i>',
  '*',
  '~~',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function texInline(r: () => number, allowBacktick = true): string {
  const n = 1 + Math.floor(r() * 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = r() < 0.45 ? pick(r, SPECIALS) : pick(r, ATOMS);
    if (!allowBacktick && s.includes('`')) continue;
    parts.push(s);
  }
  let tex = parts.join(r() < 0.5 ? ' ' : '').replace(/\$/g, '');
  tex = tex.trim() || 'x';
  return tex;
}

function inlineMath(r: () => number, inTable: boolean): string {
  const form = r();
  if (form < 0.62) return `$${texInline(r)}$`;
  if (form < 0.74) return `$\`${texInline(r, false)}\`$`;
  if (form < 0.84) return `\\(${texInline(r)}\\)`;
  if (form < 0.92 && !inTable) return `$$${texInline(r)}$$`;
  return `$${texInline(r)}$`;
}

function proseLine(r: () => number, inTable = false): string {
  const n = 2 + Math.floor(r() * 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(r() < 0.4 ? inlineMath(r, inTable) : pick(r, PROSE).replace(inTable ? /\|/g : /(?!)/, 'x'));
  return parts.join(' ');
}

const LINE_STARTS = [
  '',
  '',
  '',
  '',
  '- ',
  '+ ',
  '* ',
  '# ',
  '> ',
  '1. ',
  '2. ',
  '= ',
  '===',
  '---',
  '***',
  '    ',
  '  ',
  '<div>',
  '```',
  '|',
  '-: ',
  '#tag',
];

function displayLines(r: () => number): string[] {
  const n = 1 + Math.floor(r() * 4);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const start = r() < 0.35 ? pick(r, LINE_STARTS) : '';
    const body = ['===', '---', '***'].includes(start) ? '' : `${texInline(r)}${r() < 0.5 ? ' \\\\' : ''}`;
    lines.push(start + body);
  }
  return lines;
}

function displayMath(r: () => number): string[] {
  const form = r();
  if (form < 0.5) return ['$$', ...displayLines(r), '$$'];
  if (form < 0.6) return [`$$ ${texInline(r)} $$`];
  if (form < 0.75) return ['\\begin{align}', ...displayLines(r).map((l) => `${l} & = 1`), '\\end{align}'];
  if (form < 0.88) return ['```math', ...displayLines(r), '```'];
  return ['\\[', ...displayLines(r), '\\]'];
}

function block(r: () => number, depth: number): string[] {
  const kind = r();
  if (kind < 0.3) return [proseLine(r), ...(r() < 0.4 ? [proseLine(r)] : [])];
  if (kind < 0.5) return displayMath(r);
  if (kind < 0.58) return [`${'#'.repeat(1 + Math.floor(r() * 3))} ${proseLine(r)}`];
  if (kind < 0.7 && depth < 2) return block(r, depth + 1).map((l) => (l ? `> ${l}` : '>'));
  if (kind < 0.84 && depth < 2) {
    const inner = block(r, depth + 1);
    const marker = r() < 0.5 ? '- ' : '1. ';
    return inner.map((l, i) => (i === 0 ? marker + l : l ? ' '.repeat(marker.length) + l : ''));
  }
  const cols = 2 + Math.floor(r() * 2);
  const row = () => `| ${Array.from({ length: cols }, () => proseLine(r, true)).join(' | ')} |`;
  return [row(), `|${'---|'.repeat(cols)}`, row(), ...(r() < 0.5 ? [row()] : [])];
}

/** A document of `blocks` blocks separated by blank lines; the same seed gives the same text. */
export function generateDocument(seed: number, blocks = 8): string {
  const r = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < blocks; i++) out.push(block(r, 0).join('\n'));
  return out.join('\n\n') + '\n';
}
