// The integration suite's huge document (test/integration/hugeDocument.test.ts opens it at 10 MB;
// the hardening size tests and `npm run bench:vscode` use it too): deterministic lecture-notes-like
// text of any size: prose, inline and display math, lists, quotes, tables.

/** Returns `{ text, distinct }`: about `target` characters, `distinct` different formulas. */
export function hugeDocument(target) {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const atoms = [
    'x_{i}',
    '\\alpha',
    '\\beta^{2}',
    '\\frac{a}{b}',
    '\\sum_{k=1}^{n} k',
    '\\int_0^1 f(t)\\,dt',
    '\\lVert v \\rVert',
    'e^{i\\pi}',
    '\\mathbb{R}^n',
    '\\binom{n}{k}',
  ];
  const tex = () => `${atoms[rand(atoms.length)]} + ${atoms[rand(atoms.length)]} = ${rand(60)}`;
  const distinct = new Set();
  const parts = [];
  let size = 0;
  const add = (s) => {
    parts.push(s);
    size += s.length;
  };
  for (let section = 0; size < target; section++) {
    add(`## Section ${section}\n\n`);
    for (let p = 0; p < 6; p++) {
      const a = tex();
      const b = tex();
      distinct.add(a).add(b);
      add(`We consider $${a}$ where the bound $${b}$ holds for every term of the sequence, as shown below.\n\n`);
      if (p % 2 === 0) {
        const d = tex();
        distinct.add(d);
        add(`$$\n${d}\n$$\n\n`);
      }
    }
    const c = tex();
    distinct.add(c);
    add(`- item with $${c}$\n  - nested $${c}$\n\n> quoted $${c}$\n\n| a | b |\n|---|---|\n| $${c}$ | $|x|$ |\n\n`);
  }
  return { text: parts.join(''), distinct: distinct.size };
}

/** The size the integration suite opens (10 MiB). */
export const HUGE_BYTES = 10 * 1024 * 1024;
