import type { Token, Tokens, TokensList } from 'marked';
import { footnoteLabels, type FootnoteDefToken, type FootnoteRefToken } from './footnoteExtensions';
import { headingIdsOf } from './headings';
import { isMathToken } from './mathToken';

/** One reference as rendered: the note's number, the reference's own id and the note's href. */
export interface FootnoteRef {
  number: number;
  id: string;
  href: string;
}

/** A referenced definition, in the order of first reference. */
export interface Footnote {
  number: number;
  def: FootnoteDefToken;
  id: string;
  /** Ids of its references, in document order: the back-links. */
  refIds: string[];
}

export interface Footnotes {
  refs: ReadonlyMap<FootnoteRefToken, FootnoteRef>;
  notes: readonly Footnote[];
  /**
   * For each top-level token holding references, what its HTML takes from the numbering (numbers
   * and ids): a block's HTML depends on the whole document through this string alone.
   */
  signatures: ReadonlyMap<Token, string>;
}

const NONE: Footnotes = { refs: new Map(), notes: [], signatures: new Map() };
const cache = new WeakMap<TokensList, Footnotes>();

/**
 * GitHub's footnote numbering for a document: notes are numbered in the order of their first
 * reference (references inside definitions count where the definition stands), unreferenced
 * definitions are left out, and ids (`fn-label`, `fnref-label`, `fnref-label-2`, …) avoid the
 * heading ids and each other.
 */
export function footnotesOf(tokens: TokensList): Footnotes {
  let footnotes = cache.get(tokens);
  if (!footnotes) {
    footnotes = footnoteLabels(tokens).size === 0 ? NONE : number(tokens);
    cache.set(tokens, footnotes);
  }
  return footnotes;
}

function number(tokens: TokensList): Footnotes {
  const defs = new Map<string, FootnoteDefToken>();
  const refsInOrder: Array<{ ref: FootnoteRefToken; top: Token }> = [];
  for (const top of tokens) {
    if (!top.raw.includes('[^')) continue;
    walk(top, (t) => {
      if (t.type === 'footnoteDef') {
        const def = t as FootnoteDefToken;
        if (!defs.has(def.key)) defs.set(def.key, def);
      } else if (t.type === 'footnoteRef') {
        refsInOrder.push({ ref: t as FootnoteRefToken, top });
      }
    });
  }
  const used = new Set(headingIdsOf(tokens).values());
  const byKey = new Map<string, { note: Footnote; base: string; refs: FootnoteRefToken[] }>();
  for (const { ref } of refsInOrder) {
    const def = defs.get(ref.key);
    if (!def) continue;
    let entry = byKey.get(ref.key);
    if (!entry) {
      entry = { note: { number: byKey.size + 1, def, id: '', refIds: [] }, base: '', refs: [] };
      byKey.set(ref.key, entry);
    }
    entry.refs.push(ref);
  }
  const refs = new Map<FootnoteRefToken, FootnoteRef>();
  for (const entry of byKey.values()) {
    const label = encodeURIComponent(entry.note.def.label);
    const refIds = (base: string) => entry.refs.map((_, i) => `fnref-${base}${i ? `-${i + 1}` : ''}`);
    let base = label;
    for (let k = 1; [`fn-${base}`, ...refIds(base)].some((id) => used.has(id)); k++) base = `${label}-${k}`;
    entry.note.id = `fn-${base}`;
    entry.note.refIds = refIds(base);
    for (const id of [entry.note.id, ...entry.note.refIds]) used.add(id);
    entry.refs.forEach((ref, i) => refs.set(ref, { number: entry.note.number, id: entry.note.refIds[i]!, href: `#${entry.note.id}` }));
  }
  const signatures = new Map<Token, string>();
  for (const { ref, top } of refsInOrder) {
    const r = refs.get(ref);
    if (r) signatures.set(top, `${signatures.get(top) ?? ''}${r.number}${r.href}${r.id} `);
  }
  return { refs, notes: [...byKey.values()].map((e) => e.note), signatures };
}

/** The formulas in the footnotes section, in the order they appear there. */
export function footnoteFormulaIndices(footnotes: Footnotes): number[] {
  const indices: number[] = [];
  for (const note of footnotes.notes)
    walk(note.def, (t) => {
      if (isMathToken(t)) indices.push(t.formulaIndex);
    });
  return indices;
}

/** Visits a token and every token inside it, in document order. */
function walk(token: Token, visit: (t: Token) => void): void {
  visit(token);
  switch (token.type) {
    case 'list':
      for (const item of (token as Tokens.List).items) for (const t of item.tokens) walk(t, visit);
      return;
    case 'table': {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) for (const t of cell.tokens) walk(t, visit);
      return;
    }
    default:
      if ('tokens' in token && token.tokens) for (const t of token.tokens) walk(t, visit);
  }
}
