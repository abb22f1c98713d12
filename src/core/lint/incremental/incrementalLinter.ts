// Lint that re-checks only the pieces of a document that changed (as the preview re-renders only
// changed blocks): the document is cut where pieces lint alone as in the whole (lintChunks), each
// piece's diagnostics are kept by its content (text, formulas with their TeX errors, settings),
// and only the rules that read the whole document at once run over all of it every time.
import { DEFAULT_SETTINGS } from '../../config/settings';
import { parseMarkdown } from '../../markdown';
import type { LineTable } from '../../markdown/lineTable';
import { DEFAULT_MATH_OPTIONS, type Formula, type MathOptions } from '../../types';
import { finishDiagnostics, runRules } from '../lint';
import { createLintContext } from '../lintContext';
import type { LintDiagnostic, LintOptions } from '../types';
import { lintChunks, type LintChunk } from './lintChunks';

/** Pieces kept: several long documents' worth. */
const DEFAULT_CAPACITY = 20_000;

interface Entry {
  /** Diagnostics with offsets from the piece's start and lines from its first line. */
  readonly diagnostics: readonly LintDiagnostic[];
  /** Set when a message names a line that could not be marked: the entry then serves only a piece that starts on this 0-based line. */
  readonly line: number | undefined;
}

/** The pieces a linter keeps, by their keys, least recently used first: plain data, handed from one lint worker to the next. */
export type LintPieces = Array<[string, Entry]>;

export class IncrementalLinter {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;
  /** Pieces linted and reused by the last call (for tests and the benchmark). */
  lastStats = { chunks: 0, linted: 0 };

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /** The kept pieces (see `LintPieces`). */
  pieces(): LintPieces {
    return [...this.#entries];
  }

  /** Takes the pieces another linter kept, as older than its own. */
  restore(pieces: LintPieces): void {
    const own = [...this.#entries];
    this.#entries.clear();
    for (const [key, entry] of pieces) this.#entries.set(key, entry);
    for (const [key, entry] of own) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    this.#trim();
  }

  /** The same diagnostics as `lint(text, options)`, from the kept pieces where the text is unchanged. */
  lint(text: string, options: LintOptions = {}): LintDiagnostic[] {
    const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, ...options.math };
    const targets = options.targets ?? DEFAULT_SETTINGS.lint.targets;
    const formulas = options.formulas ?? parseMarkdown(text, math).formulas;
    const settingsKey = JSON.stringify([math, targets, options.rules ?? {}]);
    const chunks = lintChunks(text, formulas);
    const out: LintDiagnostic[] = [];
    let f = 0;
    let linted = 0;
    for (const chunk of chunks) {
      const first = f;
      while (f < formulas.length && formulas[f]!.offset < chunk.end) f++;
      const own = formulas.slice(first, f);
      const key = chunkKey(text, chunk, own, settingsKey);
      let entry = this.#entries.get(key);
      if (entry && entry.line !== undefined && entry.line !== chunk.line) entry = undefined;
      if (entry) {
        // most recently used last
        this.#entries.delete(key);
      } else {
        entry = lintChunk(text, chunk, own, math, targets, options.rules);
        linted++;
      }
      this.#entries.set(key, entry);
      for (const d of entry.diagnostics) out.push(placed(d, chunk));
    }
    // Rules that read the whole document, over the whole document.
    const whole = createLintContext(text, formulas, math, targets);
    out.push(...runRules(whole, options.rules, (rule) => !!rule.documentWide));
    this.#trim();
    this.lastStats = { chunks: chunks.length, linted };
    return finishDiagnostics(text, out);
  }

  /** Drops the least recently used pieces beyond the capacity. */
  #trim(): void {
    while (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

function lintChunk(
  text: string,
  chunk: LintChunk,
  formulas: readonly Formula[],
  math: MathOptions,
  targets: NonNullable<LintOptions['targets']>,
  rules: LintOptions['rules'],
): Entry {
  const piece = text.slice(chunk.start, chunk.end);
  const ctx = createLintContext(
    piece,
    formulas.map((f) => shifted(f, chunk)),
    math,
    targets,
  );
  // Rules that name a line in a message (`… at 12:3`) read it through `lines.position`. There the
  // line prints as a mark that `placed` turns into the document's line wherever the piece lies,
  // so that the entry serves the piece after lines were inserted above it. A piece whose own text
  // holds the mark's characters gets real line numbers instead, and its entry is tied to its line.
  const marked = !piece.includes(LINE_MARK_OPEN);
  let named = false;
  const lines = ctx.lines;
  const messageLines = Object.create(lines) as LineTable;
  messageLines.position = (offset) => {
    named = true;
    const p = lines.position(offset);
    return { line: marked ? markedLine(p.line) : p.line + chunk.line, column: p.column };
  };
  const diagnostics = runRules({ ...ctx, lines: messageLines }, rules, (rule) => !rule.documentWide, lines);
  return { diagnostics, line: named && !marked ? chunk.line : undefined };
}

const LINE_MARK_OPEN = '\uE000';
const LINE_MARK = /\uE000(\d+)\uE001/g;

/** A line number that is itself where a number is needed, and prints as a mark (see `placed`). */
function markedLine(line: number): number {
  const mark = { [Symbol.toPrimitive]: (hint: string) => (hint === 'string' ? `${LINE_MARK_OPEN}${line}\uE001` : line) };
  return mark as unknown as number;
}

/** A formula with offsets from the piece's start and lines from its first line. */
function shifted(f: Formula, chunk: LintChunk): Formula {
  return {
    ...f,
    offset: f.offset - chunk.start,
    endOffset: f.endOffset - chunk.start,
    texOffset: f.texOffset < 0 ? f.texOffset : f.texOffset - chunk.start,
    line: f.line - chunk.line,
  };
}

/** A piece's diagnostic placed in the document. */
function placed(d: LintDiagnostic, chunk: LintChunk): LintDiagnostic {
  return {
    ...d,
    message: d.message.includes(LINE_MARK_OPEN)
      ? d.message.replace(LINE_MARK, (_, n: string) => String(Number(n) + chunk.line))
      : d.message,
    offset: d.offset + chunk.start,
    endOffset: d.endOffset + chunk.start,
    line: d.line + chunk.line,
    endLine: d.endLine + chunk.line,
    ...(d.fix ? { fix: d.fix.map((e) => ({ ...e, offset: e.offset + chunk.start })) } : {}),
    ...(d.choices
      ? {
          choices: d.choices.map((c) => (c.edits ? { ...c, edits: c.edits.map((e) => ({ ...e, offset: e.offset + chunk.start })) } : c)),
        }
      : {}),
  };
}

/** What a piece's diagnostics depend on: its text, its formulas as the parse and MathJax gave them, the settings. */
function chunkKey(text: string, chunk: LintChunk, formulas: readonly Formula[], settingsKey: string): string {
  let parts = settingsKey;
  for (const f of formulas) {
    const tex = f.texOffset >= 0 && text.startsWith(f.tex, f.texOffset) ? '' : f.tex;
    parts += `\u0000${f.offset - chunk.start},${f.endOffset - chunk.start},${f.texOffset - chunk.start},${f.display ? 1 : 0},${f.delimiter},${tex}`;
    if (f.error) parts += `\u0001${JSON.stringify(f.error)}`;
  }
  // Short keys: a long one would be hashed again by the map on every lookup.
  return `${chunk.end - chunk.start}:${textHash(text, chunk.start, chunk.end)}:${textHash(parts, 0, parts.length)}`;
}

/**
 * A 53-bit hash of `text[start, end)` (cyrb53): the piece's text is not kept as a key itself,
 * because a slice of the document would keep the whole document version alive in the cache. Two
 * pieces with the same length and both hashes equal but different content are astronomically rare.
 */
function textHash(text: string, start: number, end: number): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
