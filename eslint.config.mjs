// ESLint 9 flat config: `npm run lint`.
// typescript-eslint's recommended rules without type information (fast: no program is built), and the
// import boundaries between the source folders, written as `no-restricted-imports` per folder.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Import boundaries
//
//   src/core     no `vscode`, no Node built-in, nothing from src/vscode, src/webview, src/cli, src/node
//   src/webview  only itself and src/shared (no package either: it is bundled for the browser)
//   src/shared   only itself
//   src/cli      no `vscode`, nothing from src/vscode or src/webview
//   src/node     no `vscode`, nothing from src/vscode or src/webview
//   src/browser  the browser's platform (Web Workers): no `vscode`, no Node built-in, nothing from
//                src/vscode, src/webview, src/cli or src/node
//   src/vscode   the core only through its entry src/core/index.ts, and only `import type` from it:
//                the core's code reaches the extension through the lazy loader src/vscode/core.ts
//                (`core()`, which requires dist/core.js at run time), so a value import from the
//                core would bundle it into dist/extension.js.
//
// A relative specifier names another top-level folder of src/ only with exactly as many `../` as
// the importing file is deep below src/ (src/vscode/lint/x.ts: `../../core` is src/core, while
// `../core` is the loader src/vscode/core.ts). So the rules are generated per depth, and one
// config object per (folder, depth) carries all of that folder's restrictions: in flat config a
// later object matching the same file replaces a rule's options instead of adding to them.
// ---------------------------------------------------------------------------------------------

const MAX_DEPTH = 6; // folders below src/<folder>/

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regex source: a relative specifier that leaves src/<folder>/ from a file `depth` folders below it. */
const up = (depth) => `^(\\.\\./){${depth + 1}}`;
const folderRe = (depth, folders) => `${up(depth)}(${folders.map(escape).join('|')})(/|$)`;
const BARE = '^[^.]'; // any package (or Node built-in): a specifier that is not relative

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))].filter((m) => !m.startsWith('_'));

const VSCODE_MODULE = { name: 'vscode', message: 'Only src/vscode may import the VS Code API.' };

/** `no-restricted-imports` options for a file in src/<folder>/ at `depth`. */
function boundaries(folder, depth) {
  switch (folder) {
    case 'core':
      return {
        paths: [
          { name: 'vscode', message: 'src/core runs outside VS Code: no vscode import.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core has no Node built-ins: put Node adapters in src/node.' })),
        ],
        patterns: [
          { regex: '^node:', message: 'src/core has no Node built-ins: put Node adapters in src/node.' },
          {
            regex: folderRe(depth, ['vscode', 'webview', 'cli', 'node']),
            message: 'src/core imports nothing from src/vscode, src/webview, src/cli or src/node.',
          },
        ],
      };
    case 'webview':
      return {
        patterns: [
          { regex: BARE, message: 'src/webview imports only itself and src/shared.' },
          { regex: `${up(depth)}(?!shared(/|$))`, message: 'src/webview imports only itself and src/shared.' },
        ],
      };
    case 'shared':
      return {
        patterns: [
          { regex: BARE, message: 'src/shared (the webview protocol) imports nothing outside itself.' },
          { regex: up(depth), message: 'src/shared (the webview protocol) imports nothing outside itself.' },
        ],
      };
    case 'browser':
      return {
        paths: [VSCODE_MODULE, ...nodeBuiltins.map((name) => ({ name, message: 'src/browser runs in a browser: no Node built-ins.' }))],
        patterns: [
          { regex: '^node:', message: 'src/browser runs in a browser: no Node built-ins.' },
          {
            regex: folderRe(depth, ['vscode', 'webview', 'cli', 'node']),
            message: 'src/browser imports nothing from src/vscode, src/webview, src/cli or src/node.',
          },
        ],
      };
    case 'cli':
    case 'node':
      return {
        paths: [VSCODE_MODULE],
        patterns: [
          {
            regex: folderRe(depth, ['vscode', 'webview']),
            message: `src/${folder} runs outside VS Code: nothing from src/vscode or src/webview.`,
          },
        ],
      };
    case 'vscode':
      return {
        patterns: [
          {
            regex: `${up(depth)}core/(?!index(\\.ts)?$)`,
            message: 'src/vscode reaches the core only through its entry src/core/index.ts (export what you need from there).',
          },
          {
            regex: `${up(depth)}core(/index(\\.ts)?)?$`,
            allowTypeImports: true,
            message: 'Only `import type` from the core here: its code is loaded lazily, through `core()` from src/vscode/core.ts.',
          },
        ],
      };
  }
  throw new Error(`no boundaries for src/${folder}`);
}

const boundaryConfigs = ['core', 'browser', 'webview', 'shared', 'cli', 'node', 'vscode'].flatMap((folder) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    name: `mathdown/boundaries/${folder}/${depth}`,
    files: [`src/${folder}/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': ['error', boundaries(folder, depth)] },
  })),
);

export default defineConfig(
  {
    name: 'mathdown/ignores',
    ignores: ['dist/', 'out/', 'node_modules/', '.e2e/', '.vscode-test/', 'test-artifacts/', '.prof/', 'test/fixtures/', 'bench/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'mathdown/node-scripts',
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Functions that Playwright serialises into a page (the preview webview) and runs there.
    name: 'mathdown/bench-page-functions',
    files: ['scripts/bench/vscode.mjs', 'scripts/bench/vscodeFrame.mjs', 'scripts/bench/vscodeSave.mjs', 'test/e2e/editorMathShot.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The lazy loaders of dist/core.js and dist/pdf.js: a computed require() on purpose, so that esbuild leaves it to run time.
    name: 'mathdown/core-loader',
    files: ['src/vscode/platform/nodeHost.ts', 'src/node/pdf/loadPdf.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'mathdown/cjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'mathdown/unused',
    rules: {
      // `_name` marks a parameter or binding kept on purpose (as tsc's noUnused* accepts).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Sanitizers, URL checks and their tests match control characters on purpose.
    name: 'mathdown/control-characters',
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The webview protocol groups its message types by direction in (type-only) namespaces.
    name: 'mathdown/protocol-namespaces',
    files: ['src/shared/**/*.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  ...boundaryConfigs,
);
