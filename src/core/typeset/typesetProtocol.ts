// Messages between the main-thread Typesetter and the typesetting worker (structured-cloned).
import type { TexError } from '../types';

/** A class that replaced a style attribute, and the declarations of that attribute. */
export type StyleRule = readonly [className: string, declarations: string];

export type FontCacheMode = 'local' | 'global' | 'none';
export type EquationNumbers = 'none' | 'ams' | 'all';

/** Everything that configures a MathJax instance; one instance per distinct value. */
export interface EngineConfig {
  macros: Record<string, string | [string, number] | [string, number, string]>;
  environments?: Record<string, [string, string] | [string, string, number] | [string, string, number, string]>;
  /** Enabled optional packages (OPTIONAL_TEX_PACKAGES), in that list's order. */
  packages?: string[];
  equationNumbers: EquationNumbers;
  fontCache: FontCacheMode;
  assistiveMml: boolean;
  /** Style attributes become classes, their rules returned with each formula (see styleClasses). */
  styleClasses: boolean;
}

/** A label as MathJax records it: the tag text and the element id. */
export type LabelValue = readonly [tag: string, id: string];

/** A formula that defined something, and the definitions-state hash after it. */
export interface DefinitionStep {
  tex: string;
  display: boolean;
  after: string;
}

export interface FormulaSpec {
  tex: string;
  display: boolean;
}

/**
 * Typeset formulas that follow one another in the document, starting from the given state;
 * the worker carries definitions, counter and labels from each to the next, and answers each.
 */
export interface RenderRequest {
  type: 'render';
  id: number;
  configKey: string;
  config: EngineConfig;
  /** Hash of the user definitions that must be in force (see typesetKeys.ts). */
  definitions: string;
  /** Only when the worker asked for them: the chain of defining formulas leading to `definitions`. */
  steps?: DefinitionStep[];
  counter: number;
  /** The labels in force, when the worker's copy is not known to be current. */
  labels?: Record<string, LabelValue>;
  formulas: FormulaSpec[];
  /** Re-typeset with all labels known (MathJax's recompile pass for forward references). */
  redo: boolean;
  /**
   * Stop at MathJax's compile step (TeX → its internal MathML): the errors and the numbering and
   * definitions effects, which come from that step, without output HTML, glyphs or styles.
   */
  compileOnly?: boolean;
}

export interface StyleRequest {
  type: 'style';
  id: number;
  configKey: string;
  config: EngineConfig;
}

export type WorkerRequest = RenderRequest | StyleRequest;

/** What a formula read from the numbering state, and what it changed; the output depends on no more. */
export interface RenderOutcome {
  html: string;
  error?: TexError;
  /** True if the equation counter was used (a number was assigned). */
  readsCounter: boolean;
  counterAfter: number;
  labelsRead: Record<string, LabelValue | null>;
  labelsSet: Record<string, LabelValue>;
  /** It referenced a label not defined yet: the final output comes from a redo pass. */
  redo: boolean;
  /** It (re)defined macros, environments, colours or tag forms. */
  defines: boolean;
  /** With fontCache 'global': the glyphs it uses, as [id, path data]. */
  glyphs: Array<[string, string]>;
  /** With styleClasses: the classes that replaced its style attributes, with their declarations. */
  styles: StyleRule[];
}

export type WorkerReply =
  | { type: 'ready' }
  | ({ type: 'rendered'; id: number; index: number } & RenderOutcome)
  | { type: 'needSteps'; id: number }
  | { type: 'style'; id: number; css: string }
  | { type: 'failed'; id: number; message: string };
