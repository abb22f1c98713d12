import { texSourceMap } from '../lint/checks/texSourceMap';
import type { Formula } from '../types';

export type LabelSiteKind = 'label' | 'eqref' | 'ref';

/** One `\label{key}`, `\eqref{key}` or `\ref{key}` of a document: where its key is written. */
export interface LabelSite {
  kind: LabelSiteKind;
  /** The key as MathJax reads it (trimmed). */
  key: string;
  /** The key's span in the document (braces and surrounding spaces excluded); the command's span when not `exact`. */
  offset: number;
  endOffset: number;
  /** The whole command's span, `\label{…}` included. */
  commandOffset: number;
  commandEndOffset: number;
  /** Offset of the command in the formula's TeX. */
  texOffset: number;
  formulaIndex: number;
  /** False when the key's place in the document could not be found exactly (then it is never renamed). */
  exact: boolean;
}

export const LABEL_COMMANDS = /\\(label|eqref|ref)\s*\{([^{}]*)\}/g;

/**
 * Every label and reference written in the document's formulas, in document order. Only formulas
 * count (prose `\ref{…}` is a formula of its own, delimiter `ref`), so code spans, code blocks and
 * TeX comments hold none.
 */
export function labelSites(text: string, formulas: readonly Formula[]): LabelSite[] {
  const out: LabelSite[] = [];
  formulas.forEach((f, formulaIndex) => {
    // MyST: a labelled equation's label stands outside its TeX; an {eq} reference's TeX is made up.
    if (f.label !== undefined) out.push(mystLabelSite(text, f, formulaIndex));
    if (f.delimiter === '{eq}') {
      out.push(mystReferenceSite(text, f, formulaIndex));
      return;
    }
    if (!f.tex.includes('\\')) return;
    const tex = withoutComments(f.tex);
    let map: ReturnType<typeof texSourceMap> | undefined;
    for (const m of tex.matchAll(LABEL_COMMANDS)) {
      const kind = m[1] as LabelSiteKind;
      if (kind === 'label' && f.delimiter === 'ref') continue;
      // Most TeX is a slice of the document as it stands: its offsets map by a shift. Otherwise
      // (container prefixes such as `> ` removed) the lint's line-by-line map finds the places.
      map ??= f.texOffset >= 0 && text.startsWith(f.tex, f.texOffset) ? shifted(f.texOffset) : texSourceMap(text, f);
      const raw = m[2]!;
      const key = raw.trim();
      const keyAt = m.index + m[0].length - 1 - raw.length + (raw.length - raw.trimStart().length);
      const commandOffset = map.toDocument(m.index);
      const commandEndOffset = map.toDocument(m.index + m[0].length - 1) + 1;
      const exact = map.exact && key.length > 0 && text.slice(map.toDocument(keyAt), map.toDocument(keyAt + key.length - 1) + 1) === key;
      out.push({
        kind,
        key,
        offset: exact ? map.toDocument(keyAt) : commandOffset,
        endOffset: exact ? map.toDocument(keyAt + key.length - 1) + 1 : commandEndOffset,
        commandOffset,
        commandEndOffset,
        texOffset: m.index,
        formulaIndex,
        exact,
      });
    }
  });
  return out;
}

/** MyST's `$$ … $$ (key)` or `:label: key`: the key where it is written in the formula's span (else the span, not exact). */
function mystLabelSite(text: string, f: Formula, formulaIndex: number): LabelSite {
  const key = f.label!;
  const span = text.slice(f.offset, f.endOffset);
  const option = /^[ \t]*:label:[ \t]*/m.exec(span);
  let at = option && span.startsWith(key, option.index + option[0].length) ? option.index + option[0].length : -1;
  if (at < 0) {
    const i = span.lastIndexOf(key);
    if (i >= 0 && /^\s*\)\s*$/.test(span.slice(i + key.length))) at = i;
  }
  const exact = at >= 0 && key.length > 0;
  const offset = exact ? f.offset + at : f.offset;
  const endOffset = exact ? offset + key.length : f.endOffset;
  // The label goes at the end of the TeX MathJax typesets (typesetJobOf), so its row is the last one.
  return {
    kind: 'label',
    key,
    offset,
    endOffset,
    commandOffset: offset,
    commandEndOffset: endOffset,
    texOffset: f.tex.length,
    formulaIndex,
    exact,
  };
}

/** MyST's `` {eq}`key` `` (or `` {eq}`text <key>` ``): its TeX is `\eqref{key}`, the key is written at its end. */
function mystReferenceSite(text: string, f: Formula, formulaIndex: number): LabelSite {
  const key = /^\\eqref\{([^{}]*)\}$/.exec(f.tex)?.[1] ?? '';
  const close = text.lastIndexOf('`', f.endOffset - 1);
  const end = close > f.texOffset ? close : f.endOffset;
  const keyAt = text.slice(f.texOffset, end).lastIndexOf(key);
  const exact = key.length > 0 && keyAt >= 0 && /^>?$/.test(text.slice(f.texOffset + keyAt + key.length, end));
  const offset = exact ? f.texOffset + keyAt : f.offset;
  return {
    kind: 'eqref',
    key,
    offset,
    endOffset: exact ? offset + key.length : f.endOffset,
    commandOffset: f.offset,
    commandEndOffset: f.endOffset,
    texOffset: 0,
    formulaIndex,
    exact,
  };
}

function shifted(by: number): ReturnType<typeof texSourceMap> {
  return { exact: true, toDocument: (texOffset) => by + texOffset };
}

/** The TeX with each comment (`%` to the end of its line, `\%` is not one) blanked, offsets kept. */
export function withoutComments(tex: string): string {
  if (!tex.includes('%')) return tex;
  return tex.replace(/(^|[^\\])((?:\\\\)*)%[^\n]*/g, (all: string, before: string, slashes: string) =>
    (before + slashes).padEnd(all.length, ' '),
  );
}
