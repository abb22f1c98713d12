// TeX for the generated lecture notes: inline and display formulas of the shapes real notes use
// (fractions, sums, integrals, norms, matrices, cases, aligned derivations, numbered equations).
// Random coefficients keep most formulas distinct, as in real notes; a few tiny ones repeat.

/** Macros the document defines once, at the top, in a display formula. */
export const PREAMBLE_MACROS = [
  '\\newcommand{\\RR}{\\mathbb{R}}',
  '\\newcommand{\\NN}{\\mathbb{N}}',
  '\\newcommand{\\EE}{\\mathbb{E}}',
  '\\newcommand{\\dd}{\\mathrm{d}}',
  '\\newcommand{\\tr}{\\operatorname{tr}}',
  '\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert}',
  '\\newcommand{\\abs}[1]{\\left\\lvert #1 \\right\\rvert}',
  '\\newcommand{\\ip}[2]{\\left\\langle #1, #2 \\right\\rangle}',
  '\\newcommand{\\vect}[1]{\\mathbf{#1}}',
];

const VARS = ['x', 'y', 'z', 't', 'u', 'v', 'w', 's'];
const GREEK = ['\\alpha', '\\beta', '\\gamma', '\\lambda', '\\mu', '\\sigma', '\\theta', '\\varepsilon', '\\omega', '\\phi'];
const FUNCS = ['f', 'g', 'h', 'F', 'G', 'p', 'q'];
const MATS = ['A', 'B', 'M', 'P', 'Q', 'W'];
const IDX = ['i', 'j', 'k', 'n', 'm'];
const OPS = ['+', '-'];
const REL = ['=', '\\le', '\\ge', '<', '\\approx'];

export function inlineFormula(r) {
  const x = r.pick(VARS), g = r.pick(GREEK), f = r.pick(FUNCS), A = r.pick(MATS), i = r.pick(IDX);
  const a = r.int(2, 99), b = r.int(1, 49), n = r.int(2, 12);
  return r.pick([
    () => r.pick(VARS),
    () => `${x}_{${i}}`,
    () => `${g}`,
    () => `${f}(${x}) = ${x}^{${n}} ${r.pick(OPS)} ${a}${x} ${r.pick(OPS)} ${b}`,
    () => `\\RR^{${n}}`,
    () => `\\norm{\\vect{${x}}}_{${n}} \\le ${a}`,
    () => `\\sum_{${i}=1}^{${n}} a_{${i}}`,
    () => `\\frac{${b}}{${a}}`,
    () => `O(n^{${n}} \\log n)`,
    () => `\\ip{\\vect{u}}{\\vect{v}} = ${b}`,
    () => `\\lim_{n \\to \\infty} a_n = ${g}_{${b}}`,
    () => `\\EE[X_{${i}}] = ${g}`,
    () => `${A} \\in \\RR^{${n} \\times ${a}}`,
    () => `\\tr(${A}^\\top ${r.pick(MATS)}) ${r.pick(REL)} ${a}`,
    () => `\\abs{${x} - ${r.pick(VARS)}} < \\varepsilon_{${b}}`,
    () => `\\vect{${x}}^\\top ${A} \\vect{${x}} \\ge ${b}`,
    () => `p(${x} \\mid ${g}) \\propto e^{-${x}^2/${a}}`,
    () => `\\{${x} \\in \\RR : ${x} > ${b}\\}`,
    () => `${i} = ${a}`,
    () => `${f}'(${x}_{${b}})`,
    () => `\\mathcal{O}(${a}^{${n}})`,
    () => `\\partial_{${x}} ${f}`,
  ])();
}

function sumOrIntegral(r) {
  const x = r.pick(VARS), f = r.pick(FUNCS), i = r.pick(IDX);
  const a = r.int(0, 9), b = r.int(10, 99), n = r.int(2, 9);
  return r.pick([
    () => `\\int_{${a}}^{${b}} ${f}(${x})\\,\\dd ${x} = ${f.toUpperCase()}(${b}) - ${f.toUpperCase()}(${a})`,
    () => `\\sum_{${i}=0}^{${b}} \\binom{${b}}{${i}} x^{${i}} y^{${b}-${i}} = (x+y)^{${b}}`,
    () => `\\prod_{${i}=1}^{${b}} \\left(1 + \\frac{${x}}{${i}^{${n}}}\\right) \\le \\exp\\left(${x} \\sum_{${i}=1}^{${b}} ${i}^{-${n}}\\right)`,
    () => `\\nabla_{\\theta} \\mathcal{L}(\\theta) = \\frac{1}{${b}} \\sum_{${i}=1}^{${b}} \\nabla_{\\theta} \\ell\\left(${f}_{\\theta}(\\vect{x}_{${i}}), y_{${i}}\\right)`,
    () => `\\EE\\left[(X - \\mu)^{${n}}\\right] = \\int_{-\\infty}^{\\infty} (${x} - \\mu)^{${n}} p(${x})\\,\\dd ${x}`,
    () => `\\norm{A\\vect{${x}}}_{2}^{2} = \\vect{${x}}^\\top A^\\top A \\vect{${x}} \\le \\sigma_{\\max}^{2} \\norm{\\vect{${x}}}_{2}^{2} + ${b}`,
    () => `\\lim_{h \\to 0} \\frac{${f}(${x} + h) - ${f}(${x})}{h} = ${f}'(${x}) + ${a}`,
    () => `P(A_{${n}} \\mid B) = \\frac{P(B \\mid A_{${n}})\\,P(A_{${n}})}{\\sum_{${i}=1}^{${b}} P(B \\mid A_{${i}})\\,P(A_{${i}})}`,
  ])();
}

function aligned(r) {
  const x = r.pick(VARS), f = r.pick(FUNCS);
  const a = r.int(2, 19), b = r.int(2, 19);
  const rows = [
    `${f}(${x}) &= (${x} + ${a})^{2} - ${b}`,
    `&= ${x}^{2} + ${2 * a}${x} + ${a * a} - ${b}`,
    `&= ${x}^{2} + ${2 * a}${x} + ${a * a - b}`,
  ];
  if (r.chance(0.5)) rows.push(`&\\ge ${a * a - b} - ${a * a}`);
  return `\\begin{aligned}\n${rows.join(' \\\\\n')}\n\\end{aligned}`;
}

function cases(r) {
  const x = r.pick(VARS), f = r.pick(FUNCS), a = r.int(1, 50), n = r.int(2, 5);
  return `${f}(${x}) = \\begin{cases} ${x}^{${n}} & \\text{if } ${x} \\ge ${a}, \\\\ ${a}^{${n}} - ${x} & \\text{otherwise.} \\end{cases}`;
}

function matrix(r) {
  const A = r.pick(MATS), env = r.pick(['pmatrix', 'bmatrix']), size = r.int(2, 3);
  const rows = [];
  for (let i = 0; i < size; i++) {
    const cells = [];
    for (let j = 0; j < size; j++) cells.push(String(r.int(-9, 20)));
    rows.push(cells.join(' & '));
  }
  return `${A} = \\begin{${env}} ${rows.join(' \\\\ ')} \\end{${env}}, \\qquad \\det ${A} = ${r.int(-50, 50)}`;
}

/** A display formula body (what stands between `$$` and `$$`). */
export function displayFormula(r) {
  const kind = r.next();
  if (kind < 0.45) return sumOrIntegral(r);
  if (kind < 0.7) return aligned(r);
  if (kind < 0.85) return cases(r);
  return matrix(r);
}

/** A numbered equation with a label, as an `equation` environment. */
export function labelledEquation(r, label) {
  return `\\begin{equation}\\label{${label}}\n${sumOrIntegral(r)}\n\\end{equation}`;
}

/** A bare `align` environment (at block start, no `$$`), with a label on its first row. */
export function alignEnvironment(r, label) {
  const x = r.pick(VARS), a = r.int(2, 30), b = r.int(2, 30);
  return `\\begin{align}\n${x}_{1} &= ${a}${x}_{0} + ${b} \\label{${label}} \\\\\n${x}_{2} &= ${a}${x}_{1} + ${b} = ${a * a}${x}_{0} + ${a * b + b}\n\\end{align}`;
}
