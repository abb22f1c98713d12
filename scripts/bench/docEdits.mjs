// The document variants the benchmark renders: one-character edits inside a formula, and the prefix
// that holds the first N formulas (the "first screenful" while the core has no visible-range API).

const SKIP = /\\(?:label|eqref|ref|newcommand)\{[^}]*\}/g;

/**
 * The first formula at or after `index` that has a digit outside \label{…}/\eqref{…}/\ref{…} and no
 * \newcommand: { formulaIndex, offset (of the digit in the document), digit }.
 */
export function editTarget(text, formulas, index) {
  for (let k = Math.min(index, formulas.length - 1); k < formulas.length; k++) {
    const f = formulas[k];
    const tex = text.slice(f.texStart, f.texEnd);
    if (tex.includes('\\newcommand')) continue;
    const masked = tex.replace(SKIP, (m) => ' '.repeat(m.length));
    const at = masked.search(/[0-9]/);
    if (at >= 0) return { formulaIndex: k, offset: f.texStart + at, digit: Number(tex[at]) };
  }
  throw new Error(`no formula with an editable digit at or after #${index}`);
}

/** `count` documents, each with the target digit replaced by a different digit (all distinct). */
export function editedTexts(text, target, count) {
  const out = [];
  for (let k = 1; k <= Math.min(count, 9); k++) {
    const digit = String((target.digit + k) % 10);
    out.push(text.slice(0, target.offset) + digit + text.slice(target.offset + 1));
  }
  return out;
}

/** The text up to the end of the block that holds formula #n (1-based), and how many formulas it has. */
export function prefixWithFormulas(text, formulas, n) {
  const last = formulas[Math.min(n, formulas.length) - 1];
  const blank = text.indexOf('\n\n', last.end);
  const cut = blank < 0 ? text.length : blank + 1;
  return { text: text.slice(0, cut), formulas: formulas.filter((f) => f.end <= cut).length };
}

/**
 * Where to type in the editor: right after a digit of a one-line formula at or after `index` that
 * KaTeX can render too (no \label/\eqref), with a snippet around it that is unique in the document,
 * so that a preview that keeps the TeX (KaTeX's annotation) can be checked for the typed text.
 * Returns { formulaIndex, offset (just after the digit), line (1-based), column (1-based), before, after }.
 */
export function typingTarget(text, formulas, index) {
  for (let k = Math.min(index, formulas.length - 1); k < formulas.length; k++) {
    const f = formulas[k];
    const tex = text.slice(f.texStart, f.texEnd);
    if (tex.includes('\n') || /\\(label|eqref|ref|newcommand)/.test(tex)) continue;
    const at = tex.search(/[0-9]/);
    if (at < 0) continue;
    const offset = f.texStart + at + 1;
    const before = text.slice(Math.max(f.texStart, offset - 16), offset);
    const after = text.slice(offset, Math.min(f.texEnd, offset + 8));
    if (text.indexOf(before + after) !== text.lastIndexOf(before + after)) continue;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const line = text.slice(0, offset).split('\n').length;
    return { formulaIndex: k, offset, line, column: offset - lineStart + 1, before, after };
  }
  throw new Error(`no one-line formula with a digit at or after #${index}`);
}
