import type { LintTarget } from '../config/settings';
import type { Formula, MathOptions } from '../types';
import type { LineTable } from '../markdown/lineTable';
import type { PlainReading } from './plain/readPlain';
import type { TexSourceMap } from './checks/texSourceMap';

export type LintSeverity = 'info' | 'warning' | 'error';

/** A replacement of `length` characters at `offset` of the ORIGINAL text by `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/** One problem found by one rule: a range of the document, and a fix when one exists. */
export interface LintDiagnostic {
  rule: string;
  name: string;
  severity: LintSeverity;
  message: string;
  /** 0-based offsets into the text; `endOffset` exclusive. */
  offset: number;
  endOffset: number;
  /** 1-based; `endColumn` is the column just after the last character (exclusive). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: TextEdit[];
}

/** What a rule's check reports; the engine adds rule, severity and line/column. */
export interface Problem {
  offset: number;
  endOffset: number;
  message: string;
  fix?: TextEdit[];
}

/** Everything a rule may read. Expensive views (plain readings, TeX maps) are computed once, on demand. */
export interface LintContext {
  readonly text: string;
  readonly formulas: readonly Formula[];
  readonly math: MathOptions;
  /** The configured targets this rule applies to (never empty when the rule runs). */
  readonly targets: readonly LintTarget[];
  /** All configured targets. */
  readonly allTargets: readonly LintTarget[];
  readonly lines: LineTable;
  /** How a Markdown renderer without math support reads the document: `gfm` or plain CommonMark. */
  plain(flavour: 'gfm' | 'commonmark'): PlainReading;
  /** Maps offsets inside `formulas[i].tex` to document offsets. */
  texMap(formulaIndex: number): TexSourceMap;
}

export interface LintRule {
  id: string;
  name: string;
  description: string;
  tags: readonly string[];
  defaultSeverity: LintSeverity;
  /** Targets under which the problem can occur; absent: the problem is one everywhere. */
  targets?: readonly LintTarget[];
  fixable: boolean;
  /**
   * The rule reads the whole document at once (labels defined in one block, referred to in
   * another): incremental lint runs it over the whole text each time instead of block by block.
   */
  documentWide?: boolean;
  check(ctx: LintContext): Problem[];
}

export interface LintOptions {
  math?: Partial<MathOptions>;
  rules?: Readonly<Record<string, 'off' | LintSeverity>>;
  targets?: readonly LintTarget[];
  /** The formulas as a render returned them (with MathJax's errors); parsed from `text` when absent. */
  formulas?: readonly Formula[];
}
