import type { Formula } from '../../../src/core/types';

/** `$\foo$` at the start of a document, as a render reports it: MathJax's error for the unknown `\foo`. */
export const UNDEFINED_FOO: Formula = {
  tex: '\\foo',
  display: false,
  delimiter: '$',
  offset: 0,
  line: 1,
  column: 1,
  texOffset: 1,
  endOffset: 6,
  error: { id: 'UndefinedControlSequence', message: 'Undefined control sequence \\foo', offset: 4 },
};
