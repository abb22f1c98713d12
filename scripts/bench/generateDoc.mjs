// Deterministic generator of the benchmark documents: Markdown lecture notes with LaTeX math
// (about 6 formulas per KB, half of them display), tables, lists, quotes, code, a `\newcommand`
// preamble, numbered equations and `\eqref`s. The same seed and size give the same bytes.
// `node scripts/bench/generate.mjs` writes them to disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRandom } from './prng.mjs';
import { PREAMBLE_MACROS, alignEnvironment, displayFormula, inlineFormula, labelledEquation } from './texFormulas.mjs';

export const REFERENCE_BYTES = 1_000_000;
export const NOTE_BYTES = 12_000;
export const DEFAULT_SEED = 7;

const WORDS = ('the a of and to we is that this for with by on as are an be it from which then let where '
  + 'function space vector matrix operator sequence series limit bound estimate norm inner product proof '
  + 'theorem lemma corollary convergence continuous linear bounded compact dense open closed set map '
  + 'derivative integral measure probability expectation variance gradient descent step size loss model '
  + 'parameter eigenvalue eigenvector basis dimension kernel image rank solution equation inequality '
  + 'condition assume suppose consider define follows holds implies therefore hence since because '
  + 'every each some all finite infinite positive negative small large uniform pointwise strictly').split(' ');
const TOPICS = ['Linear Maps', 'Normed Spaces', 'Convergence', 'Probability', 'Optimisation', 'Spectral Theory',
  'Integration', 'Fourier Series', 'Markov Chains', 'Least Squares', 'Differential Equations', 'Estimation'];
const LABELS = ['Theorem', 'Lemma', 'Proposition', 'Definition', 'Corollary', 'Example'];

class DocBuilder {
  parts = [];
  length = 0;
  formulas = [];
  labels = [];

  add(text) {
    this.parts.push(text);
    this.length += text.length;
  }

  /** Appends `open + tex + close` and records where the formula and its TeX are. */
  math(open, tex, close, display) {
    const start = this.length;
    this.add(open + tex + close);
    this.formulas.push({ start, end: this.length, texStart: start + open.length, texEnd: start + open.length + tex.length, display, open });
  }

  text() {
    return this.parts.join('');
  }
}

function words(r, min, max) {
  const n = r.int(min, max);
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(WORDS));
  return out.join(' ');
}

function sentence(b, r) {
  const first = words(r, 3, 9);
  b.add(first[0].toUpperCase() + first.slice(1));
  const inline = r.chance(0.12) ? (r.chance(0.15) ? 2 : 1) : 0;
  for (let k = 0; k < inline; k++) {
    b.add(' ');
    if (b.labels.length && r.chance(0.04)) b.math('$', `\\eqref{${r.pick(b.labels)}}`, '$', false);
    else b.math('$', inlineFormula(r), '$', false);
    b.add(' ' + words(r, 2, 7));
  }
  if (b.labels.length && r.chance(0.04)) b.add(`, see \\eqref{${r.pick(b.labels)}}`);
  if (r.chance(0.08)) b.add(`, with *${words(r, 1, 2)}* and **${words(r, 1, 2)}**`);
  if (r.chance(0.04)) b.add(` (the \`${r.pick(['solve', 'grad', 'step', 'norm'])}()\` routine)`);
  b.add('.');
}

function paragraph(b, r) {
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) {
    if (i) b.add(' ');
    sentence(b, r);
  }
  b.add('\n\n');
}

function displayBlock(b, r, state) {
  const roll = r.next();
  if (roll < 0.12) {
    const label = `eq:${state.chapter}-${++state.equation}`;
    b.add('$$\n');
    b.math('', labelledEquation(r, label), '', true);
    b.add('\n$$\n\n');
    b.labels.push(label);
  } else if (roll < 0.16) {
    const label = `eq:${state.chapter}-${++state.equation}`;
    b.math('', alignEnvironment(r, label), '', true);
    b.add('\n\n');
    b.labels.push(label);
  } else if (roll < 0.55) {
    b.math('$$', ' ' + displayFormula(r) + ' ', '$$', true);
    b.add('\n\n');
  } else {
    b.add('$$\n');
    b.math('', displayFormula(r), '', true);
    b.add('\n$$\n\n');
  }
}

function table(b, r) {
  const cols = r.int(3, 4), rows = r.int(3, 5);
  b.add('| ' + Array.from({ length: cols }, (_, j) => (j ? r.pick(WORDS) : 'case')).join(' | ') + ' |\n');
  b.add('|' + ' --- |'.repeat(cols) + '\n');
  for (let i = 0; i < rows; i++) {
    b.add('|');
    for (let j = 0; j < cols; j++) {
      b.add(' ');
      if (j === 0) b.add(String(i + 1));
      else if (r.chance(0.5)) b.math('$', inlineFormula(r), '$', false);
      else b.add(r.pick(WORDS));
      b.add(' |');
    }
    b.add('\n');
  }
  b.add('\n');
}

function list(b, r) {
  const ordered = r.chance(0.4), n = r.int(3, 5);
  for (let i = 0; i < n; i++) {
    b.add(ordered ? `${i + 1}. ` : '- ');
    b.add(words(r, 2, 6) + ' ');
    if (r.chance(0.5)) b.math('$', inlineFormula(r), '$', false);
    else b.add(words(r, 1, 3));
    b.add(' ' + words(r, 2, 8) + '\n');
    if (r.chance(0.15)) {
      b.add(ordered ? '   - ' : '  - ');
      b.math('$', inlineFormula(r), '$', false);
      b.add(' ' + words(r, 1, 4) + '\n');
    }
  }
  b.add('\n');
}

function statement(b, r, state) {
  b.add(`**${r.pick(LABELS)} ${state.chapter}.${++state.statement}.** `);
  paragraph(b, r);
  displayBlock(b, r, state);
  b.add('*Proof.* ');
  paragraph(b, r);
}

function quote(b, r) {
  b.add('> **Remark.** ' + words(r, 4, 10) + ' ');
  b.math('$', inlineFormula(r), '$', false);
  b.add(' ' + words(r, 3, 8) + '.\n\n');
}

function codeBlock(b, r) {
  const n = r.int(10, 99);
  b.add(`\`\`\`python\n# cost is $${n} per run, not math\nx = solve(A, b, tol=1e-${r.int(3, 9)})\nprint(f"{x} costs $${n}")\n\`\`\`\n\n`);
}

function chapterHeading(b, r, state) {
  state.chapter++;
  state.section = 0;
  state.equation = 0;
  state.statement = 0;
  b.add(`## ${state.chapter}. ${TOPICS[(state.chapter - 1) % TOPICS.length]}\n\n`);
}

function sectionHeading(b, r, state) {
  b.add(`### ${state.chapter}.${++state.section} ${words(r, 1, 3)} of `);
  if (r.chance(0.5)) b.math('$', inlineFormula(r), '$', false);
  else b.add(words(r, 1, 2));
  b.add('\n\n');
}

/**
 * Generates lecture notes of about `bytes` characters.
 * Returns { text, formulas: [{ start, end, texStart, texEnd, display, open }], labels }.
 */
export function generateDoc({ bytes = REFERENCE_BYTES, seed = DEFAULT_SEED } = {}) {
  const r = createRandom(seed);
  const b = new DocBuilder();
  const state = { chapter: 0, section: 0, equation: 0, statement: 0 };
  b.add('# Lecture notes (generated benchmark document)\n\n');
  b.add('Notation used throughout:\n\n$$\n');
  b.math('', PREAMBLE_MACROS.join('\n'), '', true);
  b.add('\n$$\n\n');
  const units = [
    [0.35, paragraph], [0.43, displayBlock], [0.03, table], [0.05, list], [0.06, statement],
    [0.02, quote], [0.01, codeBlock], [0.05, sectionHeading],
  ];
  const chapterBytes = Math.max(4000, Math.round(bytes / 12));
  let nextChapter = 0;
  while (b.length < bytes) {
    if (b.length >= nextChapter) {
      chapterHeading(b, r, state);
      nextChapter = b.length + chapterBytes;
    }
    let roll = r.next();
    for (const [p, unit] of units) {
      roll -= p;
      if (roll < 0 || unit === units[units.length - 1][1]) {
        unit(b, r, state);
        break;
      }
    }
  }
  return { text: b.text(), formulas: b.formulas, labels: b.labels };
}

/** Writes reference.md and note.md (with their formula lists) into `dir`; returns their paths. */
export function writeDocs(dir, { bytes = REFERENCE_BYTES, noteBytes = NOTE_BYTES, seed = DEFAULT_SEED } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const out = {};
  for (const [name, size] of [['reference', bytes], ['note', noteBytes]]) {
    const doc = generateDoc({ bytes: size, seed });
    const file = path.join(dir, `${name}.md`);
    fs.writeFileSync(file, doc.text);
    fs.writeFileSync(path.join(dir, `${name}.formulas.json`), JSON.stringify(doc.formulas));
    out[name] = { file, formulas: path.join(dir, `${name}.formulas.json`), bytes: Buffer.byteLength(doc.text), count: doc.formulas.length, display: doc.formulas.filter((f) => f.display).length };
  }
  return out;
}

export const DEFAULT_BENCH_DIR = path.join(os.tmpdir(), 'mathdown-bench');
