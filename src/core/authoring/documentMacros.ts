import type { Formula, MathOptions } from '../types';

/** A macro the author can use: from `mathdown.math.macros` or defined in a formula of the document. */
export interface UserMacro {
  name: string;
  args: number;
  definition: string;
  origin: 'settings' | 'document';
  /** Index of the defining formula (document macros). */
  formulaIndex?: number;
  /** The definition as written (`\newcommand{\R}{\mathbb{R}}`), to replay before a preview. */
  source?: string;
  environment?: boolean;
}

const DEFINITION = /\\(?:(?:re)?newcommand\*?|DeclareMathOperator\*?|def|(?:re)?newenvironment)(?![A-Za-z])/g;

/** Macros from the settings, then every `\newcommand`, `\def`, `\DeclareMathOperator`, `\newenvironment` in the formulas. */
export function userMacros(formulas: readonly Formula[], settings: MathOptions['macros']): UserMacro[] {
  const out: UserMacro[] = [];
  for (const [key, value] of Object.entries(settings)) {
    const [definition, args] = typeof value === 'string' ? [value, 0] : [value[0], value[1]];
    out.push({ name: key.replace(/^\\/, ''), args, definition, origin: 'settings' });
  }
  formulas.forEach((f, formulaIndex) => {
    for (const m of definitionsIn(f.tex)) out.push({ ...m, origin: 'document', formulaIndex });
  });
  return out;
}

function definitionsIn(tex: string): Omit<UserMacro, 'origin'>[] {
  const out: Omit<UserMacro, 'origin'>[] = [];
  for (const m of tex.matchAll(DEFINITION)) {
    const parsed = parseDefinition(tex, m.index!, m[0]);
    if (parsed) out.push(parsed);
  }
  return out;
}

function parseDefinition(tex: string, at: number, command: string): Omit<UserMacro, 'origin'> | undefined {
  let i = at + command.length;
  const skipSpace = (): void => {
    while (/\s/.test(tex[i] ?? '')) i++;
  };
  skipSpace();
  const environment = command.includes('environment');
  let name: string | undefined;
  if (tex[i] === '{') {
    const group = readGroup(tex, i);
    if (!group) return undefined;
    name = group.content.trim().replace(/^\\/, '');
    i = group.end;
  } else {
    const bare = /^\\([A-Za-z@]+)/.exec(tex.slice(i));
    if (!bare) return undefined;
    name = bare[1]!;
    i += bare[0].length;
  }
  if (!/^[A-Za-z@]+\*?$/.test(name)) return undefined;
  let args = 0;
  skipSpace();
  if (command === '\\def') {
    const params = /^(?:#\d)*/.exec(tex.slice(i))![0];
    args = params.length / 2;
    i += params.length;
  } else {
    const count = /^\[(\d)\]/.exec(tex.slice(i));
    if (count) {
      args = Number(count[1]);
      i += count[0].length;
      skipSpace();
    }
    const optional = /^\[[^\]]*\]/.exec(tex.slice(i));
    if (optional) {
      i += optional[0].length;
      skipSpace();
    }
  }
  const body = readGroup(tex, i);
  if (!body) return undefined;
  let end = body.end;
  let definition = body.content;
  if (command.startsWith('\\DeclareMathOperator')) definition = `\\operatorname${command.endsWith('*') ? '*' : ''}{${body.content}}`;
  if (environment) {
    const after = readGroup(tex, skipFrom(tex, end));
    if (after) end = after.end;
  }
  return { name, args, definition, source: tex.slice(at, end), ...(environment ? { environment } : {}) };
}

function skipFrom(tex: string, i: number): number {
  while (/\s/.test(tex[i] ?? '')) i++;
  return i;
}

/** The balanced `{…}` group starting at `start` (backslash escapes respected). */
export function readGroup(tex: string, start: number): { content: string; end: number } | undefined {
  if (tex[start] !== '{') return undefined;
  let depth = 0;
  for (let i = start; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { content: tex.slice(start + 1, i), end: i + 1 };
  }
  return undefined;
}
