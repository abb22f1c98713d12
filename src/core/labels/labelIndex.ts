import type { TextEdit } from '../lint/types';
import type { Formula, MathOptions } from '../types';
import { equationRows, type EquationRow } from './equationRows';
import { labelSites, type LabelSite } from './labelSites';

/** A `\label{…}` with the number MathJax draws for it (absent: none is drawn). */
export interface LabelDefinition extends LabelSite {
  kind: 'label';
  number?: string;
  row?: EquationRow;
}

/** The labels and references of one document version. */
export interface LabelIndex {
  readonly definitions: readonly LabelDefinition[];
  /** `\eqref{…}` and `\ref{…}`, in math and in running text. */
  readonly references: readonly LabelSite[];
  /** Every equation row, numbered or not. */
  readonly rows: readonly EquationRow[];
  /** The definitions of a key (more than one: a duplicate). */
  definitionsOf(key: string): readonly LabelDefinition[];
  referencesTo(key: string): readonly LabelSite[];
  /** Keys defined more than once. */
  readonly duplicates: readonly string[];
  /** The label or reference whose command holds `offset` (its end included). */
  siteAt(offset: number): LabelSite | undefined;
}

const cache = new WeakMap<readonly Formula[], { text: string; numbering: string; index: LabelIndex }>();

/** The label index of a parse (its text and formulas), made once per parse and numbering setting. */
export function labelIndexOf(
  doc: { readonly text: string; readonly formulas: readonly Formula[] },
  equationNumbers: MathOptions['equationNumbers'] = 'ams',
): LabelIndex {
  const hit = cache.get(doc.formulas);
  if (hit && hit.text === doc.text && hit.numbering === equationNumbers) return hit.index;
  const index = buildLabelIndex(doc.text, doc.formulas, equationNumbers);
  cache.set(doc.formulas, { text: doc.text, numbering: equationNumbers, index });
  return index;
}

function buildLabelIndex(text: string, formulas: readonly Formula[], equationNumbers: MathOptions['equationNumbers']): LabelIndex {
  const sites = labelSites(text, formulas);
  const rows = equationRows(formulas, equationNumbers);
  const rowsOf = new Map<number, EquationRow[]>();
  for (const r of rows) {
    let list = rowsOf.get(r.formulaIndex);
    if (!list) rowsOf.set(r.formulaIndex, (list = []));
    list.push(r);
  }
  const definitions: LabelDefinition[] = [];
  const references: LabelSite[] = [];
  for (const s of sites) {
    if (s.kind !== 'label') {
      references.push(s);
      continue;
    }
    const row = rowsOf.get(s.formulaIndex)?.find((r) => r.texStart <= s.texOffset && s.texOffset <= r.texEnd);
    definitions.push({ ...s, kind: 'label', ...(row ? { row } : {}), ...(row?.number !== undefined ? { number: row.number } : {}) });
  }
  const defsByKey = group(definitions);
  const refsByKey = group(references);
  const all = [...definitions, ...references].sort((a, b) => a.commandOffset - b.commandOffset);
  return {
    definitions,
    references,
    rows,
    definitionsOf: (key) => defsByKey.get(key) ?? [],
    referencesTo: (key) => refsByKey.get(key) ?? [],
    duplicates: [...defsByKey].filter(([, list]) => list.length > 1).map(([key]) => key),
    siteAt(offset) {
      let lo = 0;
      let hi = all.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = all[mid]!;
        if (s.commandEndOffset < offset) lo = mid + 1;
        else if (s.commandOffset > offset) hi = mid - 1;
        else return s;
      }
      return undefined;
    },
  };
}

function group<T extends LabelSite>(sites: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const s of sites) {
    let list = out.get(s.key);
    if (!list) out.set(s.key, (list = []));
    list.push(s);
  }
  return out;
}

/** Why a label cannot be renamed to `name`, or undefined when it can. */
export function invalidLabelName(name: string): string | undefined {
  if (!name.trim()) return 'A label needs a name.';
  if (/[{}\\%#\n\r]/.test(name)) return 'A label cannot contain {, }, \\, %, # or a line break.';
  if (name !== name.trim()) return 'A label cannot start or end with a space.';
  return undefined;
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

/**
 * The edits renaming the label `key` to `newName` in this document: every definition and every
 * reference. Refused when a place of the key could not be found exactly in the text.
 */
export function renameLabelEdits(index: LabelIndex, key: string, newName: string): RenameResult {
  const invalid = invalidLabelName(newName);
  if (invalid) return { error: invalid };
  const sites = [...index.definitionsOf(key), ...index.referencesTo(key)];
  if (!sites.length) return { error: `No label or reference named “${key}”.` };
  if (sites.some((s) => !s.exact))
    return { error: `“${key}” is written in a way whose place in the text is not certain; rename it by hand.` };
  return {
    edits: sites.sort((a, b) => a.offset - b.offset).map((s) => ({ offset: s.offset, length: s.endOffset - s.offset, text: newName })),
  };
}
