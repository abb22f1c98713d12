import type { Formula, MathOptions } from '../types';
import { userMacros } from './documentMacros';
import type { FormulaPreview } from './formulaPreview';
import { equationLabels, referenceAt } from '../labels/equationLabels';
import { definitionsBefore } from './mathCompletions';
import { mathContextAt } from './mathContextAt';
import type { MathDocument } from './mathDocument';

export interface HoveredFormula {
  /** The formula's index in the document; -1 for an equation of another text (`where`). */
  index: number;
  formula: Formula;
  preview: FormulaPreview;
  /** Where the formula is when it is not in this document ("cell 3"). */
  where?: string;
}

export type MathHover =
  | ({ kind: 'formula'; start: number; end: number } & HoveredFormula)
  | { kind: 'reference'; key: string; start: number; end: number; target?: HoveredFormula };

/** What a hover at `offset` shows: the formula there, or the equation a `\eqref{…}`/`\ref{…}` points to. */
export function mathHoverAt(doc: MathDocument, offset: number, settingsMacros: MathOptions['macros'] = {}): MathHover | undefined {
  const context = mathContextAt(doc, offset) ?? spanContext(doc, offset);
  if (!context) return undefined;
  const macros = userMacros(doc.formulas, settingsMacros);
  const hovered = (index: number): HoveredFormula => {
    const formula = doc.formulas[index]!;
    return { index, formula, preview: { tex: formula.tex, display: formula.display, definitions: definitionsBefore(macros, index) } };
  };
  const ref = referenceAt(doc.text, offset);
  if (ref && ref.start >= context.formula.offset && ref.end <= context.formula.endOffset) {
    const label = equationLabels(doc.formulas).find((l) => l.key === ref.key);
    const other = label ? undefined : doc.otherLabels?.find((l) => l.key === ref.key);
    const target: HoveredFormula | undefined = label
      ? hovered(label.formulaIndex)
      : other && {
          index: -1,
          formula: other.formula,
          where: other.where,
          preview: { tex: other.formula.tex, display: true, definitions: [] },
        };
    return { kind: 'reference', key: ref.key, start: ref.start, end: ref.end, ...(target ? { target } : {}) };
  }
  if (context.formula.delimiter === 'ref' || context.formula.delimiter === '{eq}') return undefined;
  return { kind: 'formula', start: context.formula.offset, end: context.formula.endOffset, ...hovered(context.index) };
}

/** Hovering a delimiter itself (`|$x$`) still shows the formula. */
function spanContext(doc: MathDocument, offset: number): { index: number; formula: Formula } | undefined {
  const index = doc.formulaIndexAt(offset);
  return index >= 0 ? { index, formula: doc.formulas[index]! } : undefined;
}
