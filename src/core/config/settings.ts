import { DEFAULT_DELIMITERS, type MathOptions } from '../types';

export type Severity = 'off' | 'info' | 'warning' | 'error';
export type LintTarget = 'gfm' | 'commonmark' | 'pandoc';

/** The settings shared by the VS Code extension (`mathdown.*`) and the CLI (`.mathdown.json`). */
export interface MathdownSettings {
  math: MathOptions;
  lint: {
    run: 'onSave' | 'onType' | 'off';
    rules: Readonly<Record<string, Severity>>;
    targets: readonly LintTarget[];
  };
  export: {
    theme: 'light' | 'dark';
    images: 'embed' | 'link';
  };
}

export const DEFAULT_SETTINGS: MathdownSettings = {
  math: { delimiters: DEFAULT_DELIMITERS, doubleDollarInText: 'display', macros: {}, equationNumbers: 'ams' },
  lint: { run: 'onSave', rules: {}, targets: ['gfm', 'commonmark'] },
  export: { theme: 'light', images: 'embed' },
};

/** A problem with one key of a configuration source; the default applies for that key. */
export interface SettingsProblem {
  key: string;
  message: string;
}
