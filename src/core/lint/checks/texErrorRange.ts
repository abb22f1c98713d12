import type { TexError } from '../../types';

/**
 * The characters of the TeX to underline for a MathJax error: the offending token before
 * MathJax's offset, or the unmatched opener for "missing close" errors; undefined when the
 * error cannot be placed (then the whole formula is meant).
 */
export function texErrorRange(tex: string, error: TexError): [number, number] | undefined {
  switch (error.id) {
    case 'MissingCloseBrace':
    case 'ExtraOpenMissingClose':
      return unmatchedBrace(tex);
    case 'EnvMissingEnd': {
      const env = /\\end\{([^}]*)\}/.exec(error.message)?.[1];
      return env === undefined ? undefined : unmatchedBegin(tex, env);
    }
    case 'UnknownEnv': {
      const env = /["']([^"']+)["']/.exec(error.message)?.[1];
      const at = env === undefined ? -1 : tex.indexOf(`\\begin{${env}}`);
      return at < 0 ? undefined : [at, at + env!.length + 8];
    }
    case 'ExtraLeftMissingRight':
      return unmatchedLeft(tex);
  }
  if (/^Missing argument for (\\[A-Za-z]+|\\.)/.test(error.message)) {
    const name = /^Missing argument for (\\[A-Za-z]+|\\.)/.exec(error.message)![1];
    const at = lastControlSequence(tex, name, error.offset ?? tex.length);
    if (at >= 0) return [at, at + name.length];
  }
  if (error.offset === undefined) return undefined;
  if (error.id === 'UndefinedControlSequence') {
    const name = /(\\[A-Za-z]+|\\.)\s*$/.exec(error.message)?.[1];
    if (name) {
      const at = lastControlSequence(tex, name, error.offset);
      if (at >= 0) return [at, at + name.length];
    }
  }
  return tokenBefore(tex, error.offset);
}

/** The token that ends at `offset` (spaces after it skipped): `\name`, `\x` or one character. */
export function tokenBefore(tex: string, offset: number): [number, number] | undefined {
  let end = Math.min(offset, tex.length);
  while (end > 0 && /\s/.test(tex[end - 1])) end--;
  if (end === 0) return undefined;
  let start = end - 1;
  if (/[A-Za-z]/.test(tex[start])) {
    let s = start;
    while (s > 0 && /[A-Za-z]/.test(tex[s - 1])) s--;
    if (s > 0 && tex[s - 1] === '\\' && !isEscapedBackslash(tex, s - 1)) return [s - 1, end];
  }
  if (start > 0 && tex[start - 1] === '\\' && !isEscapedBackslash(tex, start - 1)) start--;
  return [start, end];
}

function isEscapedBackslash(tex: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && tex[i - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

function lastControlSequence(tex: string, name: string, before: number): number {
  for (let at = tex.lastIndexOf(name, before); at >= 0; at = tex.lastIndexOf(name, at - 1)) {
    const after = tex[at + name.length] ?? '';
    if (!(/[A-Za-z]$/.test(name) && /[A-Za-z]/.test(after)) && !isEscapedBackslash(tex, at)) return at;
    if (at === 0) break;
  }
  return -1;
}

function unmatchedBrace(tex: string): [number, number] | undefined {
  const open: number[] = [];
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '%') {
      const nl = tex.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (c === '{') open.push(i);
    else if (c === '}') open.pop();
  }
  const at = open[open.length - 1];
  return at === undefined ? undefined : [at, at + 1];
}

function unmatchedBegin(tex: string, env: string): [number, number] | undefined {
  const open: number[] = [];
  for (const m of tex.matchAll(/\\(begin|end)\{([^}]*)\}/g)) {
    if (m[2] !== env) continue;
    if (m[1] === 'begin') open.push(m.index);
    else open.pop();
  }
  const at = open[open.length - 1];
  return at === undefined ? undefined : [at, at + env.length + 8];
}

function unmatchedLeft(tex: string): [number, number] | undefined {
  const open: number[] = [];
  for (const m of tex.matchAll(/\\(left|right)(?![A-Za-z])/g)) {
    if (m[1] === 'left') open.push(m.index);
    else open.pop();
  }
  const at = open[open.length - 1];
  return at === undefined ? undefined : [at, at + 5];
}
