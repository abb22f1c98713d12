import formulaSnippets from '../../../syntaxes/math-snippets.json';
import blockSnippets from '../../../syntaxes/math-block-snippets.json';

/** A snippet in VS Code's format; `body` is the joined body in VS Code snippet syntax. */
export interface MathSnippet {
  name: string;
  prefix: string;
  body: string;
  description: string;
}

interface RawSnippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

function load(file: Record<string, RawSnippet>): readonly MathSnippet[] {
  return Object.entries(file).flatMap(([name, s]) => {
    const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
    const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    return prefixes.map((prefix) => ({ name, prefix, body, description: s.description ?? name }));
  });
}

/** Formula snippets (syntaxes/math-snippets.json): offered only inside math. */
export const MATH_SNIPPETS: readonly MathSnippet[] = load(formulaSnippets);

/** Snippets that create math (syntaxes/math-block-snippets.json, contributed for Markdown): only outside math. */
export const MATH_BLOCK_SNIPPETS: readonly MathSnippet[] = load(blockSnippets);
