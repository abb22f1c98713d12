// The site generators whose config files tell where a workspace's Markdown is published, as data:
// which file, and the lint destinations (src/core/lint/targets/destinations.ts) that model them.
import type { LintTarget } from '../../core';

export interface SiteGenerator {
  name: string;
  /** Config files at the workspace folder's root, first found wins. */
  files: readonly string[];
  /** When a file name alone is ambiguous: what its text must hold. */
  contains?: RegExp;
  targets: readonly LintTarget[];
  /** The short name of the destinations, for the notification's button. */
  label: string;
  /** What differs there, in a sentence. */
  why: string;
  doubleDollarInText?: 'inline' | 'display';
}

export const SITE_GENERATORS: readonly SiteGenerator[] = [
  {
    name: 'Jekyll',
    files: ['_config.yml', '_config.yaml'],
    targets: ['kramdown'],
    label: 'kramdown',
    why: 'Jekyll renders with kramdown, which reads $$…$$ in running text as inline math.',
    doubleDollarInText: 'inline',
  },
  {
    name: 'MkDocs',
    files: ['mkdocs.yml', 'mkdocs.yaml'],
    targets: ['markdown-then-mathjax'],
    label: 'Markdown + MathJax',
    why: 'Without a math extension, Python-Markdown processes the math as text before MathJax finds it on the page.',
  },
  ...['hugo', 'config'].map((base): SiteGenerator => ({
    name: 'Hugo',
    files: base === 'hugo' ? ['hugo.toml', 'hugo.yaml', 'hugo.json'] : ['config.toml'],
    // config.toml is many tools' name; Hugo's has a baseURL.
    ...(base === 'config' ? { contains: /^[ \t]*baseURL[ \t]*=/im } : {}),
    targets: ['markdown-then-mathjax', 'katex'],
    label: 'Markdown + MathJax/KaTeX',
    why: 'Without passthrough, Goldmark processes the math as text before MathJax or KaTeX finds it on the page.',
  })),
  {
    name: 'Docusaurus',
    files: ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs'],
    targets: ['katex'],
    label: 'KaTeX',
    why: 'Docusaurus typesets math with KaTeX (remark-math and rehype-katex), which rejects some TeX that Mathdown accepts.',
  },
];
