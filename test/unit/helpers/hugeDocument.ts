// A generated math-heavy Markdown document of any size (the hardening size tests: core and preview).
/** Deterministic lecture-notes-like text: prose, inline and display math, lists, quotes, tables. */
export function hugeDocument(target: number): { text: string; distinct: number } {
  let seed = 12345;
  const rand = (n: number): number => {
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
  const tex = (): string => `${atoms[rand(atoms.length)]} + ${atoms[rand(atoms.length)]} = ${rand(60)}`;
  const distinct = new Set<string>();
  const parts: string[] = [];
  let size = 0;
  const add = (s: string): void => {
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
