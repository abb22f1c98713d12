// What a formula's TeX may do beyond drawing itself, guessed from its text (a guess may be wrong
// either way; callers use it only to choose what to typeset first, never to decide a result).
import { NUMBERED_ENVIRONMENTS } from '../scanner/scannerEnvironments';

/** TeX that may define macros for the formulas after it. */
export const MAY_DEFINE =
  /\\(?:(?:re)?newcommand|providecommand|[egx]?def|let|DeclareMathOperator|DeclarePairedDelimiter|(?:re)?newenvironment)(?![a-zA-Z])/;

/** TeX that may read or change equation numbers or labels. */
export const NUMBERING = new RegExp(
  String.raw`\\(?:label|tag|notag|nonumber|ref|eqref|require)(?![a-zA-Z])|\\begin\s*\{(?:${NUMBERED_ENVIRONMENTS.join('|')})\*?\}`,
);
