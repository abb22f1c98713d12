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

const COMMANDS = /\\(label|eqref|ref)\s*\{([^{}]*)\}/g;

/**
 * Every label and reference written in the document's formulas, in document order. Only formulas
 * count (prose `\ref{…}` is a formula of its own, delimiter `ref`), so code spans, code blocks and
 * TeX comments hold none.
 */
export function labelSites(text: string, formulas: readonly Formula[]): LabelSite[] {
  const out: LabelSite[] = [];
  formulas.forEach((f, formulaIndex) => {
    if (!f.tex.includes('\\')) return;
    const tex = withoutComments(f.tex);
    let map: ReturnType<typeof texSourceMap> | undefined;
    for (const m of tex.matchAll(COMMANDS)) {
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
