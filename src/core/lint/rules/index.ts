import type { LintRule } from '../types';
import { mm101EmphasisInMath } from './mm101EmphasisInMath';
import { mm102EscapeInMath } from './mm102EscapeInMath';
import { mm103HtmlInMath } from './mm103HtmlInMath';
import { mm104TablePipeInMath } from './mm104TablePipeInMath';
import { mm105BlockSyntaxInDisplayMath } from './mm105BlockSyntaxInDisplayMath';
import { mm106BlankLineInDisplayMath } from './mm106BlankLineInDisplayMath';
import { mm107BackslashDelimiters } from './mm107BackslashDelimiters';
import { mm108MarkupInMath } from './mm108MarkupInMath';
import { mm201UnclosedMath } from './mm201UnclosedMath';
import { mm202SpaceInsideDollars } from './mm202SpaceInsideDollars';
import { mm203DigitAfterClosingDollar } from './mm203DigitAfterClosingDollar';
import { mm204DisplayMathInParagraph } from './mm204DisplayMathInParagraph';
import { mm205NestedMathDelimiters } from './mm205NestedMathDelimiters';
import { mm301TexError } from './mm301TexError';
import { mm302UnknownLabel } from './mm302UnknownLabel';
import { mm303LabelWithoutNumber } from './mm303LabelWithoutNumber';
import { mm304KatexError } from './mm304KatexError';
import { mm305GithubMathjaxError } from './mm305GithubMathjaxError';

/** Every rule, in the order diagnostics are reported for the same position. */
export const RULES: readonly LintRule[] = [
  mm101EmphasisInMath,
  mm102EscapeInMath,
  mm103HtmlInMath,
  mm104TablePipeInMath,
  mm105BlockSyntaxInDisplayMath,
  mm106BlankLineInDisplayMath,
  mm107BackslashDelimiters,
  mm108MarkupInMath,
  mm201UnclosedMath,
  mm202SpaceInsideDollars,
  mm203DigitAfterClosingDollar,
  mm204DisplayMathInParagraph,
  mm205NestedMathDelimiters,
  mm301TexError,
  mm302UnknownLabel,
  mm303LabelWithoutNumber,
  mm304KatexError,
  mm305GithubMathjaxError,
];

/** A rule by id (`MM101`) or name (`emphasis-in-math`). */
export function findRule(idOrName: string): LintRule | undefined {
  const key = idOrName.trim();
  return RULES.find((r) => r.id === key.toUpperCase() || r.name === key.toLowerCase());
}
