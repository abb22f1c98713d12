import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Folders never searched for Markdown files. */
const SKIP = (name: string) => name === 'node_modules' || name.startsWith('.');

/**
 * Files named by command-line paths: a file as is; a folder, every `*.md` below it (skipping
 * node_modules and dot-folders); a glob (`*`, `**`, `?`, `[…]`, `{a,b}`), the files it matches.
 * Paths that match nothing are returned in `missing`. Order: as given, each expansion sorted.
 * `baseOf` gives each file's folder it was found from (the folder or the glob's fixed part; a file's
 * own folder), so that outputs can mirror the layout below it.
 */
export function expandPaths(
  args: readonly string[],
  cwd: string,
): { files: string[]; missing: string[]; baseOf: ReadonlyMap<string, string> } {
  const files: string[] = [];
  const missing: string[] = [];
  const baseOf = new Map<string, string>();
  const add = (base: string) => (f: string) => {
    if (!baseOf.has(f)) {
      baseOf.set(f, base);
      files.push(f);
    }
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = statKind(path);
    if (kind === 'file') add(dirname(path))(path);
    else if (kind === 'dir') walk(path, (f) => f.endsWith('.md')).forEach(add(path));
    else if (/[*?[{]/.test(arg)) {
      const { base, pattern } = splitGlob(resolve(cwd, arg));
      const re = globToRegExp(pattern);
      const found = statKind(base) === 'dir' ? walk(base, (f) => re.test(relative(base, f).split(sep).join('/'))) : [];
      if (found.length) found.forEach(add(base));
      else missing.push(arg);
    } else missing.push(arg);
  }
  return { files, missing, baseOf };
}

function statKind(path: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP(e.name)) walk(p, keep, out);
    } else if (e.isFile() && keep(p)) out.push(p);
  }
  return out;
}

/** The folder before the first segment with a glob character, and the rest as a `/` pattern. */
function splitGlob(absolute: string): { base: string; pattern: string } {
  const parts = absolute.split(sep);
  const i = parts.findIndex((p) => /[*?[{]/.test(p));
  return { base: parts.slice(0, i).join(sep) || sep, pattern: parts.slice(i).join('/') };
}

/** `**` any folders, `*` within one name, `?` one character, `[…]` a class, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      re += `[${glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) {
        re += '\\{';
        continue;
      }
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
