// Shared vocabulary of the core. Positions are 0-based offsets into the document text as given
// (before CRLF normalisation); line and column are 1-based, column counted in UTF-16 code units.

export type Delimiter =
  | '$' // $…$
  | '$$' // $$…$$ (block or in running text)
  | '\\(' // \(…\)
  | '\\[' // \[…\]
  | '\\\\(' // \\(…\\)   (double-backslash, opt-in)
  | '\\\\[' // \\[…\\]   (double-backslash, opt-in)
  | 'env' // \begin{env}…\end{env} at block start
  | 'math-fence' // ```math / ~~~math
  | '$`' // $`…`$
  | 'ref'; // \ref{…} / \eqref{…} in running text

export type DelimiterFamily = 'dollars' | 'brackets' | 'environments' | 'gfm' | 'double-backslash';
export const DEFAULT_DELIMITERS: readonly DelimiterFamily[] = ['dollars', 'brackets', 'environments', 'gfm'];

export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** A macro as MathJax's `macros` option takes it: its body, or body and number of arguments (and the first one's default). */
export type MacroDefinition = string | readonly [string, number] | readonly [string, number, string];
/** An environment as MathJax's `environments` option takes it: begin and end code (and arguments, first one's default). */
export type EnvironmentDefinition =
  readonly [string, string] | readonly [string, string, number] | readonly [string, string, number, string];

export interface MathOptions {
  delimiters: readonly DelimiterFamily[];
  doubleDollarInText: 'display' | 'inline';
  /** Every macro in force before the document's own definitions: settings, preamble files and front matter, merged. */
  macros: Readonly<Record<string, MacroDefinition>>;
  environments: Readonly<Record<string, EnvironmentDefinition>>;
  equationNumbers: 'none' | 'ams' | 'all';
  /** Opt-in MathJax packages (OPTIONAL_TEX_PACKAGES) on top of the fixed set. */
  packages: readonly string[];
  /**
   * Preamble files as configured (relative to the settings file or the workspace folder). The
   * settings loader reads them into `macros` and `environments`; nothing else reads the files.
   */
  preamble: readonly string[];
}

/** The math options' defaults, the one definition (the settings' defaults use it; package.json repeats them, checked by a unit test). */
export const DEFAULT_MATH_OPTIONS: MathOptions = {
  delimiters: DEFAULT_DELIMITERS,
  doubleDollarInText: 'display',
  macros: {},
  environments: {},
  equationNumbers: 'ams',
  packages: [],
  preamble: [],
};

/** A TeX error reported by MathJax (or by the typesetter's own limits). */
export interface TexError {
  /** MathJax's error id, e.g. `UndefinedControlSequence`; `Timeout`, `TooLong`, `InternalError` for ours. */
  id: string;
  message: string;
  /** Offset inside the TeX string just after the offending token (MathJax's convention), if known. */
  offset?: number;
}

/** One formula as the document holds it: what MathJax receives, and where it came from. */
export interface Formula extends SourcePosition {
  tex: string;
  display: boolean;
  delimiter: Delimiter;
  /** Offset of the TeX's first character in the document, when the TeX is a contiguous slice of it. */
  texOffset: number;
  /** End offset (exclusive) of the whole math span, delimiters included. */
  endOffset: number;
  error?: TexError;
}
