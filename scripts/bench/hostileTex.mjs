// Pathological formulas (issue 2: each must become an error box within 2 s while the formulas
// around it render). Shared by test/unit/hardeningTex.test.ts and the benchmark's `hostile` task.

/** [name, TeX] */
export const HOSTILE_TEX = [
  ['100 KB a+a+…', 'a+'.repeat(50_000) + 'a'],
  ['a+a+… just under the length cap', 'a+'.repeat(4_990) + 'a'],
  ['1 MB formula', '\\alpha_{i} + '.repeat(80_000) + 'x'],
  ['\\def\\a{\\a}\\a', '\\def\\a{\\a}\\a'],
  ['\\def\\a#1{\\a{#1#1}}\\a{x}', '\\def\\a#1{\\a{#1#1}}\\a{x}'],
  ['\\def\\a{\\frac{\\a}{x}}\\a', '\\def\\a{\\frac{\\a}{x}}\\a'],
  ['10k nested braces', '{'.repeat(10_000) + 'x' + '}'.repeat(10_000)],
  ['4k nested braces', '{'.repeat(4_000) + 'x' + '}'.repeat(4_000)],
  ['1k nested \\frac', '\\frac{'.repeat(1_000) + 'x' + '}{y}'.repeat(1_000)],
  ['10k-row matrix', `\\begin{matrix}${'a & b \\\\ '.repeat(10_000)}\\end{matrix}`],
  ['900-row matrix', `\\begin{matrix}${'a & b \\\\ '.repeat(900)}\\end{matrix}`],
  ['\\newenvironment recursion', '\\newenvironment{e}{\\begin{e}}{\\end{e}}\\begin{e}x\\end{e}'],
  ['\\newcommand recursion', '\\newcommand{\\x}{\\x x}\\x'],
];

/** The case as display math between normal formulas, inline and display (formula 2 of 5). */
export function documentWith(tex) {
  return `# Around a hostile formula\n\nBefore $a_1 + b$ and $\\sqrt{2}$.\n\n$$\n${tex}\n$$\n\nAfter $$\\frac{1}{2}$$ and $e^{i\\pi} = -1$.\n`;
}
