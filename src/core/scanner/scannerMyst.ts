// MyST's additions to what is math (docs/math-syntax.md, "MyST"): roles, directives and the
// label after a `$$` block. Only asked when `ScanOptions.myst` is on.
import type { MathMatch } from './scannerMatch';

const ROLE = /\{(math|eq)\}(`+)/y;
const BACKTICK = 96;
/** `text <label>` in an `{eq}` role: the label is between the angle brackets. */
const EXPLICIT_TARGET = /<([^<>]+)>\s*$/;

/**
 * A `` {math}`…` `` role (inline math) or an `` {eq}`label` `` reference at `pos`, or null. The
 * content is what stands between the backtick runs (like a code span, a run of the same length
 * closes it), not crossing a blank line. An `{eq}` reference becomes the TeX `\eqref{label}`, so that
 * MathJax numbers and links it as it does `\eqref` in running text.
 */
export function matchMystRole(src: string, pos: number): MathMatch | null {
  ROLE.lastIndex = pos;
  const m = ROLE.exec(src);
  if (!m) return null;
  const ticks = m[2]!.length;
  const texStart = pos + m[0].length;
  const close = closingRun(src, texStart, ticks);
  if (close <= texStart) return null;
  const end = close + ticks;
  const content = src.slice(texStart, close);
  if (m[1] === 'math') return { start: pos, end, texStart, texEnd: close, tex: content, delimiter: '{math}`', display: false };
  const target = EXPLICIT_TARGET.exec(content);
  const label = (target ? target[1]! : content).trim();
  if (!label || /[{}\\]/.test(label)) return null;
  return { start: pos, end, texStart, texEnd: close, tex: `\\eqref{${label}}`, delimiter: '{eq}', display: false };
}

/** Offset of the next run of exactly `ticks` backticks at or after `from` (before a blank line), or -1. */
function closingRun(src: string, from: number, ticks: number): number {
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === BACKTICK) {
      let j = i;
      while (src.charCodeAt(j) === BACKTICK) j++;
      if (j - i === ticks) return i;
      i = j;
      continue;
    }
    if (c === 10 && /^[ \t]*(?:\n|$)/.test(src.slice(i + 1, i + 200))) return -1;
    i++;
  }
  return -1;
}

/** ` (label)` after the closing `$$` of a MyST display equation, up to the end of the line. */
const EQUATION_LABEL = /\(([^()$\r\n]+)\)[ \t]*(?=\n|$)/y;

/** The label after a closing `$$` at `from` (MyST's `$$ … $$ (label)`), with where the line's content ends. */
export function equationLabelAt(src: string, from: number): { label: string; end: number } | null {
  // The spaces before `(` are skipped here, not by the regex, which would then rescan them from every start.
  let at = from;
  while (src.charCodeAt(at) === 32 || src.charCodeAt(at) === 9) at++;
  EQUATION_LABEL.lastIndex = at;
  const m = EQUATION_LABEL.exec(src);
  // MyST's label normaliser: whitespace runs become `-`.
  return m ? { label: m[1]!.trim().replace(/\s+/g, '-'), end: at + m[0].length } : null;
}

/** A MyST directive: ```` ```{name} argument ```` (or `~~~`, or the colon fence `:::`) … closing fence. */
export interface DirectiveMatch {
  readonly name: string;
  readonly argument: string;
  /** `:key: value` lines (or a `---` YAML block of `key: value` lines) after the opening fence. */
  readonly options: Readonly<Record<string, string>>;
  /** The body, after the options, as offsets into the scanned string (its final newline excluded). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Just after the closing fence (or the end of the container when there is none). */
  readonly end: number;
  /** The end of the last line the directive occupies, newline included. */
  readonly blockEnd: number;
}

// Each part is matched by one greedy run and trimmed in code: no two runs compete for the same spaces.
const DIRECTIVE_OPEN = /\{([A-Za-z][\w:.+-]*)\}([^\n]*)(?:\n|$)/y;
const OPTION_LINE = /^:([\w-]+):(.*)$/;
const YAML_LINE = /^([\w-]+)[ \t]*:(.*)$/;

/** The directive whose opening fence stands at `fenceStart` (after up to three spaces), or null. */
export function matchDirective(src: string, fenceStart: number): DirectiveMatch | null {
  // The fence run is counted here (a regex `{3,} would retry every shorter run on a long one).
  const c = src[fenceStart];
  if (c !== '`' && c !== '~' && c !== ':') return null;
  let runEnd = fenceStart;
  while (src[runEnd] === c) runEnd++;
  if (runEnd - fenceStart < 3) return null;
  DIRECTIVE_OPEN.lastIndex = runEnd;
  const m = DIRECTIVE_OPEN.exec(src);
  if (!m) return null;
  const fence = src.slice(fenceStart, runEnd);
  const open = { 0: src.slice(fenceStart, runEnd + m[0].length), 2: m[1]!, 3: m[2]! };
  const argument = open[3].trim();
  if (fence[0] === '`' && argument.includes('`')) return null;
  const contentStart = fenceStart + open[0].length;
  const closer = closingFence(src, contentStart, fence);
  const contentEnd = closer ? closer.lineStart : src.length;
  const lines = src.slice(contentStart, contentEnd).split('\n');
  const options: Record<string, string> = {};
  let skip = 0;
  if (lines[0]?.trim() === '---') {
    const endYaml = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (endYaml > 0) {
      for (const l of lines.slice(1, endYaml)) {
        const m = YAML_LINE.exec(l);
        if (m) options[m[1]!] = unquote(m[2]!.trim());
      }
      skip = endYaml + 1;
    }
  } else {
    while (skip < lines.length) {
      const m = OPTION_LINE.exec(lines[skip]!.trim());
      if (!m) break;
      options[m[1]!] = m[2]!.trim();
      skip++;
    }
  }
  let bodyStart = contentStart;
  for (let k = 0; k < skip; k++) bodyStart += lines[k]!.length + 1;
  bodyStart = Math.min(bodyStart, contentEnd);
  let bodyEnd = contentEnd;
  if (bodyEnd > bodyStart && src.charCodeAt(bodyEnd - 1) === 10) bodyEnd--;
  return {
    name: open[2],
    argument,
    options,
    bodyStart,
    bodyEnd: Math.max(bodyStart, bodyEnd),
    end: closer ? closer.end : contentEnd,
    blockEnd: closer ? closer.blockEnd : src.length,
  };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** The closing fence for `fence` (the same character, at least as long, nothing else on the line but spaces). */
function closingFence(src: string, from: number, fence: string): { lineStart: number; end: number; blockEnd: number } | null {
  let lineStart = from;
  while (lineStart < src.length) {
    const newline = src.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? src.length : newline;
    const line = src.slice(lineStart, lineEnd);
    const m = /^ {0,3}([`~:]{3,})[ \t]*$/.exec(line);
    if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && new RegExp(`^\\${fence[0]}+$`).test(m[1]!)) {
      return { lineStart, end: lineStart + line.trimEnd().length, blockEnd: newline < 0 ? src.length : newline + 1 };
    }
    lineStart = newline < 0 ? src.length : newline + 1;
  }
  return null;
}
