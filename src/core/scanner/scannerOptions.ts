import { DEFAULT_MATH_OPTIONS, type DelimiterFamily, type MathOptions } from '../types';

/** The parts of `MathOptions` that decide what is math, resolved once per options object. */
export interface ScanOptions {
  readonly dollars: boolean;
  readonly brackets: boolean;
  readonly environments: boolean;
  readonly gfm: boolean;
  readonly doubleBackslash: boolean;
  /** `$$…$$` inside running text is display math (`doubleDollarInText: 'display'`). */
  readonly doubleDollarDisplay: boolean;
  /** MyST's syntax (docs/math-syntax.md, "MyST"): on by the setting, or by the document's front matter. */
  readonly myst: boolean;
}

/**
 * Resolves (partial) math options into scanner switches; missing fields take the defaults.
 * `documentIsMyst`: the document's front matter says MyST (see markdown/mystFrontMatter.ts), which
 * turns MyST's syntax on when `syntax` is `auto`.
 */
export function resolveScanOptions(math?: Partial<MathOptions>, documentIsMyst = false): ScanOptions {
  const syntax = math?.syntax ?? DEFAULT_MATH_OPTIONS.syntax;
  const families = new Set<DelimiterFamily>(math?.delimiters ?? DEFAULT_MATH_OPTIONS.delimiters);
  return {
    dollars: families.has('dollars'),
    brackets: families.has('brackets'),
    environments: families.has('environments'),
    gfm: families.has('gfm'),
    doubleBackslash: families.has('double-backslash'),
    doubleDollarDisplay: (math?.doubleDollarInText ?? DEFAULT_MATH_OPTIONS.doubleDollarInText) === 'display',
    myst: syntax === 'myst' || (syntax === 'auto' && documentIsMyst),
  };
}

/** A stable key for caching per-options objects (Marked instances). */
export function scanOptionsKey(options: ScanOptions): string {
  return [
    options.dollars,
    options.brackets,
    options.environments,
    options.gfm,
    options.doubleBackslash,
    options.doubleDollarDisplay,
    options.myst,
  ]
    .map((on) => (on ? '1' : '0'))
    .join('');
}
