// The engines the benchmark compares, in table order, with how many renders each session does.
export const ENGINES = [
  { id: 'mathdown', short: 'Mathdown', session: { warm: 1, edits: 2 } },
  { id: 'markdownItKatex', short: 'VS Code built-in (markdown-it + KaTeX)', session: { warm: 1, edits: 1 } },
  { id: 'markdownItTexmath', short: 'markdown-it-texmath + KaTeX', session: { warm: 1, edits: 1 } },
  { id: 'markedKatex', short: 'Marked + marked-katex-extension', session: { warm: 1, edits: 1 } },
  // One render takes tens of seconds; its edit costs a full render anyway, so only the cold one runs.
  { id: 'markedMathjax', short: 'Marked + MathJax page (replaced)', session: { warm: 0, edits: 0 } },
];

export const PEERS = ENGINES.filter((e) => e.id !== 'mathdown').map((e) => e.id);
