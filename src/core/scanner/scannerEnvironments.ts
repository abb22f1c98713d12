/**
 * The environments that number their equations (MathJax's AMS `tags`): a formula holding one may
 * read or change equation numbers, so it is typeset in document order (see texEffects).
 */
export const NUMBERED_ENVIRONMENTS: readonly string[] = [
  'equation',
  'align',
  'gather',
  'multline',
  'flalign',
  'alignat',
  'xalignat',
  'xxalignat',
  'eqnarray',
];

/**
 * Environments that open display math at the start of a block (math-syntax.md): the top-level
 * display environments MathJax's AMS support knows, plus the inner ones MathJax also typesets
 * on their own. Starred forms are accepted for every name. Lint's stray-opener check uses the
 * same set.
 */
export const MATH_ENVIRONMENTS: ReadonlySet<string> = new Set([
  ...NUMBERED_ENVIRONMENTS,
  'math',
  'displaymath',
  'split',
  'aligned',
  'gathered',
  'alignedat',
  'cases',
  'array',
  'subarray',
  'matrix',
  'pmatrix',
  'bmatrix',
  'Bmatrix',
  'vmatrix',
  'Vmatrix',
  'smallmatrix',
  'CD',
]);

const ENVIRONMENT_NAME = /\\begin\{([A-Za-z]+)(\*?)\}/y;

/** The environment name (starred form included) whose `\begin{…}` stands at `pos`, if it is a math environment. */
export function mathEnvironmentAt(src: string, pos: number): { name: string; openLength: number } | null {
  ENVIRONMENT_NAME.lastIndex = pos;
  const m = ENVIRONMENT_NAME.exec(src);
  if (!m || !MATH_ENVIRONMENTS.has(m[1]!)) return null;
  return { name: m[1]! + m[2]!, openLength: m[0].length };
}
