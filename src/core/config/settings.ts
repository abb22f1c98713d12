import { DEFAULT_MATH_OPTIONS, type MathOptions } from '../types';

export type Severity = 'off' | 'info' | 'warning' | 'error';
/**
 * Where the document is published (src/core/lint/targets/destinations.ts models each). `gfm` and
 * `commonmark` are the legacy names of a renderer without math support, kept with their meaning.
 */
export const LINT_TARGET_NAMES = [
  'github',
  'markdown-then-mathjax',
  'pandoc',
  'kramdown',
  'jupyterlab',
  'katex',
  'github-mathjax',
  'gfm',
  'commonmark',
] as const;
export type LintTarget = (typeof LINT_TARGET_NAMES)[number];

/** The settings shared by the VS Code extension (`mathdown.*`) and the CLI (`.mathdown.json`). */
export interface MathdownSettings {
  math: MathOptions;
  lint: {
    run: 'onSave' | 'onType' | 'off';
    rules: Readonly<Record<string, Severity>>;
    targets: readonly LintTarget[];
    /** The destinations of notebooks' Markdown cells (their readers open the notebook, not a page). */
    notebookTargets: readonly LintTarget[];
  };
  export: {
    theme: 'light' | 'dark';
    images: 'embed' | 'link';
  };
}

/** The defaults of every setting; package.json's `contributes.configuration` repeats them (a unit test compares the two). */
export const DEFAULT_SETTINGS: MathdownSettings = {
  math: DEFAULT_MATH_OPTIONS,
  lint: { run: 'onSave', rules: {}, targets: ['github'], notebookTargets: ['jupyterlab'] },
  export: { theme: 'light', images: 'embed' },
};

/** A problem with one key of a configuration source; the default applies for that key. */
export interface SettingsProblem {
  key: string;
  message: string;
}

/** The settings a notebook's Markdown cell is linted with: the notebook's destinations in place of the page's. */
export function notebookCellSettings(settings: MathdownSettings): MathdownSettings {
  return { ...settings, lint: { ...settings.lint, targets: settings.lint.notebookTargets } };
}
