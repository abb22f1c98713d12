// Math lint: rules over the preview's parse, fixes as data applied by one function.
export { applyFixes, fixAsOneEdit } from './applyFixes';
export { allFixes, fixAll, type FixAllResult } from './fixAll';
export { lint } from './lint';
export { lintDocument, type FormulaRenderer, type LintDocumentDeps } from './lintDocument';
export { LintWorkerClient, type LintWorkerOptions } from './worker/lintWorkerClient';
export { findRule, RULES } from './rules';
export { DESTINATIONS, LINT_TARGETS, targetNames, type Destination } from './targets/destinations';
export type { ChoiceFix, LintContext, LintDiagnostic, LintOptions, LintRule, LintSeverity, Problem, TextEdit } from './types';
export { IncrementalLinter } from './incremental/incrementalLinter';
