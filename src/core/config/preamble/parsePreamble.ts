// A TeX preamble file (`.tex`/`.sty`) as people keep them for LaTeX, read for its definitions:
// \newcommand, \renewcommand, \providecommand, \DeclareRobustCommand, \def (and \gdef), \let,
// \DeclareMathOperator(*), \newenvironment, \renewenvironment, and comments. Anything else is a
// problem at its line and is skipped; nothing throws. Linear in the file's length.
import { LineTable } from '../../markdown/lineTable';
import type { EnvironmentDefinition, MacroDefinition } from '../../types';
import { blankComments, stripComments } from './texComments';

export type PreambleDefinition =
  | { kind: 'macro'; name: string; definition: MacroDefinition; args: number; provide: boolean; line: number }
  | { kind: 'let'; name: string; target: string; line: number }
  | { kind: 'environment'; name: string; definition: EnvironmentDefinition; args: number; line: number };

/** A problem at a place in the preamble (1-based line and column). */
export interface PreambleProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedPreamble {
  definitions: PreambleDefinition[];
  problems: PreambleProblem[];
}

const MACRO_COMMANDS = new Set(['newcommand', 'renewcommand', 'providecommand', 'DeclareRobustCommand']);
const ENVIRONMENT_COMMANDS = new Set(['newenvironment', 'renewenvironment']);
/** Harmless in a LaTeX preamble and meaningless here: skipped without a problem. */
const SILENT = new Set(['makeatletter', 'makeatother', 'relax']);

export function parsePreamble(text: string): ParsedPreamble {
  const src = blankComments(text);
  const lines = new LineTable(text);
  const definitions: PreambleDefinition[] = [];
  const problems: PreambleProblem[] = [];
  const problem = (at: number, message: string): void => {
    const { line, column } = lines.position(at);
    problems.push({ line, column, message });
  };
  let i = 0;
  const skipSpace = (): void => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  /** A `{…}` group at i (after spaces): its body (comments removed) and end; undefined when absent or unclosed. */
  const group = (): { content: string; start: number; end: number } | undefined => {
    skipSpace();
    const end = src[i] === '{' ? groupEnd(src, i) : -1;
    if (end < 0) return undefined;
    const found = { content: stripComments(text.slice(i + 1, end - 1)), start: i, end };
    i = end;
    return found;
  };
  /** An optional `[…]` at i (after spaces). */
  const optional = (): string | undefined => {
    skipSpace();
    if (src[i] !== '[') return undefined;
    const close = bracketEnd(src, i);
    if (close < 0) return undefined;
    const value = stripComments(text.slice(i + 1, close - 1));
    i = close;
    return value;
  };
  /** A control-sequence name at i, braced (`{\R}`) or bare (`\R`), without its backslash. */
  const csName = (): string | undefined => {
    skipSpace();
    if (src[i] === '{') {
      const g = group();
      const m = g && /^\s*\\([A-Za-z@]+|[^A-Za-z@\s])\s*$/.exec(g.content);
      return m?.[1];
    }
    const m = /^\\([A-Za-z@]+|[^A-Za-z@\s])/.exec(src.slice(i, i + 200));
    if (!m) return undefined;
    i += m[0].length;
    return m[1];
  };
  /** Skips the rest of a statement that is not understood: its groups and options on the same line. */
  const skipStatement = (): void => {
    for (;;) {
      while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
      const c = src[i];
      const end = c === '{' ? groupEnd(src, i) : c === '[' ? bracketEnd(src, i) : -1;
      if (end < 0) return;
      i = end;
    }
  };

  while (i < src.length) {
    skipSpace();
    if (i >= src.length) break;
    const start = i;
    const lineOf = () => lines.position(start).line;
    const cmd = /^\\([A-Za-z@]+)(\*?)/.exec(src.slice(i, i + 200));
    if (!cmd) {
      const lineEnd = src.indexOf('\n', i);
      problem(
        start,
        'Text outside a definition; ignored (a preamble holds \\newcommand, \\def, \\let, \\DeclareMathOperator and \\newenvironment)',
      );
      i = lineEnd < 0 ? src.length : lineEnd + 1;
      continue;
    }
    const [whole, name, star] = cmd as unknown as [string, string, string];
    i += whole.length;
    const fail = (message: string): void => {
      problem(start, message);
      skipStatement();
      // What is left of the line belongs to the statement too (an unclosed brace ends at the line).
      const lineEnd = src.indexOf('\n', i);
      if (/\S/.test(src.slice(i, lineEnd < 0 ? src.length : lineEnd))) i = lineEnd < 0 ? src.length : lineEnd + 1;
    };
    if (SILENT.has(name) && !star) continue;
    if (MACRO_COMMANDS.has(name)) {
      const macro = csName();
      if (!macro) {
        fail(`\\${name} needs the name of the command, e.g. \\${name}{\\R}{\\mathbb{R}}`);
        continue;
      }
      const count = optional();
      const args = count === undefined ? 0 : Number(count.trim());
      if (!/^\s*\d\s*$/.test(count ?? '0')) {
        fail(`\\${name}{\\${macro}}: the number of arguments must be 0 to 9, not [${count}]`);
        continue;
      }
      const first = args > 0 ? optional() : undefined;
      const body = group();
      if (!body) {
        fail(`\\${name}{\\${macro}} has no {definition} (or its braces do not close)`);
        continue;
      }
      const definition: MacroDefinition =
        first !== undefined ? [body.content, args, first] : args > 0 ? [body.content, args] : body.content;
      definitions.push({ kind: 'macro', name: macro, definition, args, provide: name === 'providecommand', line: lineOf() });
      continue;
    }
    if ((name === 'def' || name === 'gdef') && !star) {
      const macro = csName();
      if (!macro) {
        fail(`\\${name} needs the name of the command, e.g. \\${name}\\R{\\mathbb{R}}`);
        continue;
      }
      const params = /^(?:#[1-9])*/.exec(src.slice(i))![0];
      i += params.length;
      const args = params.length / 2;
      if (params !== '#1#2#3#4#5#6#7#8#9'.slice(0, params.length)) {
        fail(`\\${name}\\${macro}: parameters must be #1#2… in order`);
        continue;
      }
      skipSpace();
      if (src[i] !== '{') {
        fail(`\\${name}\\${macro}: delimited parameters (text between the #n) are not supported; use \\newcommand`);
        continue;
      }
      const body = group();
      if (!body) {
        fail(`\\${name}\\${macro} has no {definition} (or its braces do not close)`);
        continue;
      }
      definitions.push({
        kind: 'macro',
        name: macro,
        definition: args ? [body.content, args] : body.content,
        args,
        provide: false,
        line: lineOf(),
      });
      continue;
    }
    if (name === 'let' && !star) {
      const macro = csName();
      skipSpace();
      if (src[i] === '=') i++;
      skipSpace();
      const target = macro ? /^\\([A-Za-z@]+|[^A-Za-z@\s])/.exec(src.slice(i, i + 200)) : null;
      if (!macro || !target) {
        fail('\\let needs two commands, e.g. \\let\\oldvec\\vec');
        continue;
      }
      i += target[0].length;
      definitions.push({ kind: 'let', name: macro, target: target[1]!, line: lineOf() });
      continue;
    }
    if (name === 'DeclareMathOperator') {
      const macro = csName();
      const body = macro ? group() : undefined;
      if (!macro || !body) {
        fail(`\\DeclareMathOperator${star} needs a command and its text, e.g. \\DeclareMathOperator${star}{\\argmax}{arg\\,max}`);
        continue;
      }
      definitions.push({
        kind: 'macro',
        name: macro,
        definition: `\\operatorname${star}{${body.content}}`,
        args: 0,
        provide: false,
        line: lineOf(),
      });
      continue;
    }
    if (ENVIRONMENT_COMMANDS.has(name)) {
      const env = group();
      const envName = env?.content.trim();
      if (!envName || !/^[A-Za-z@0-9]+\*?$/.test(envName)) {
        fail(`\\${name} needs the environment's name, e.g. \\${name}{proof}{\\text{Proof. }}{\\quad\\square}`);
        continue;
      }
      const count = optional();
      const args = count === undefined ? 0 : Number(count.trim());
      if (!/^\s*\d\s*$/.test(count ?? '0')) {
        fail(`\\${name}{${envName}}: the number of arguments must be 0 to 9, not [${count}]`);
        continue;
      }
      const first = args > 0 ? optional() : undefined;
      const begin = group();
      const end = begin ? group() : undefined;
      if (!begin || !end) {
        fail(`\\${name}{${envName}} needs {begin code}{end code}`);
        continue;
      }
      const definition: EnvironmentDefinition =
        first !== undefined
          ? [begin.content, end.content, args, first]
          : args > 0
            ? [begin.content, end.content, args]
            : [begin.content, end.content];
      definitions.push({ kind: 'environment', name: envName, definition, args, line: lineOf() });
      continue;
    }
    fail(
      `\\${name}${star} is not a definition Mathdown reads; ignored (a preamble holds \\newcommand, \\def, \\let, \\DeclareMathOperator and \\newenvironment)`,
    );
  }
  return { definitions, problems };
}

/** End (exclusive) of the balanced `{…}` at `start`, or -1 when it does not close. Backslash escapes respected. */
function groupEnd(src: string, start: number): number {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** End (exclusive) of `[…]` at `start` (braces inside may hold `]`), or -1. */
function bracketEnd(src: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ']' && depth <= 0) return i + 1;
    else if (c === '\n' && src[i + 1] === '\n') return -1;
  }
  return -1;
}
