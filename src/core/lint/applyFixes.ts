import type { TextEdit } from './types';

/**
 * Applies text edits (offsets into `text` as given) and returns the new text. The single function
 * behind the quick fix, "fix all" and `mathdown lint --fix`. Identical edits count once; an edit
 * that overlaps one already taken (in offset order) is skipped, so a batch never corrupts text.
 */
export function applyFixes(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const taken: TextEdit[] = [];
  for (const e of sorted) {
    if (e.offset < 0 || e.length < 0 || e.offset + e.length > text.length) continue;
    const last = taken[taken.length - 1];
    if (last && last.offset === e.offset && last.length === e.length && last.text === e.text) continue;
    if (last && (e.offset < last.offset + last.length || (e.offset === last.offset && e.length === 0 && last.length === 0))) continue;
    taken.push(e);
  }
  let out = '';
  let at = 0;
  for (const e of taken) {
    out += text.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

/**
 * One diagnostic's fix as a single edit of the span it covers, made by `applyFixes` on that span
 * alone (`read` returns the document's text between two offsets), so a quick fix needs no copy
 * of the whole document.
 */
export function fixAsOneEdit(edits: readonly TextEdit[], read: (offset: number, end: number) => string): TextEdit {
  const offset = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  return {
    offset,
    length: end - offset,
    text: applyFixes(
      read(offset, end),
      edits.map((e) => ({ ...e, offset: e.offset - offset })),
    ),
  };
}
