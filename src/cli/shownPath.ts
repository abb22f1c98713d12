import { relative, sep } from 'node:path';

/** A path as the CLI prints it: relative to the working folder when below it, with `/` separators. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
