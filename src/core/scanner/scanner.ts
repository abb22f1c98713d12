// The one definition of "what is math" (docs/math-syntax.md). Everything that needs to know
// where formulas are (Marked extensions, table cells, emphasis masking, lint, completion) asks here.
export type { MathMatch, BlockMathMatch } from './scannerMatch';
export { type ScanOptions, resolveScanOptions, scanOptionsKey } from './scannerOptions';
export { ScanMemo } from './scannerMemo';
export { matchInlineMath, InlineMathCandidates, isSpaceCode } from './scannerInline';
export { matchBlockMath, matchEnvironmentMath, nextBlockMathLine } from './scannerBlock';
export { matchMathFence } from './scannerFence';
export { findInlineMathSpans, startsLine } from './scannerSpans';
export { findHtmlMathSpans } from './scannerHtml';
export { MATH_ENVIRONMENTS, mathEnvironmentAt } from './scannerEnvironments';
export { findCloser, nextLineIsBlank } from './scannerCloser';
