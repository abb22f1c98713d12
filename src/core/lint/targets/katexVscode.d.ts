// The parts of KaTeX (package `katex-vscode`: katex at the version VS Code's built-in preview
// ships, which has no type declarations of its own) that the katex target uses.
declare module 'katex-vscode' {
  namespace katex {
    interface RenderOptions {
      displayMode?: boolean;
      throwOnError?: boolean;
      globalGroup?: boolean;
      macros?: Record<string, string>;
      strict?: boolean | 'ignore' | 'warn' | 'error';
    }
    class ParseError extends Error {
      rawMessage: string;
      position?: number;
      length?: number;
    }
    const version: string;
    function renderToString(tex: string, options?: RenderOptions): string;
  }
  export default katex;
}
