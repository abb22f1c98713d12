// Math lint: rules over the preview's parse, fixes as data applied by one function.
export { applyFixes, fixAsOneEdit } from './applyFixes';
export { allFixes, fixAll } from './fixAll';
export { lint } from './lint';
export { lintDocument } from './lintDocument';
export { LintWorkerClient } from './worker/lintWorkerClient';
export { findRule, RULES } from './rules';
export type { LintContext, LintDiagnostic, LintOptions, LintRule, LintSeverity, Problem, TextEdit } from './types';
