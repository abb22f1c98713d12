import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, type CliIO } from './io';

/** Reads a Markdown file as UTF-8, or fails with one clear sentence (exit 2). */
export function readDocument(file: string | undefined, io: CliIO, command: string): { path: string; text: string } {
  if (!file) throw new CliError(`mathdown ${command}: missing FILE.md; usage: mathdown ${command} FILE.md`);
  const path = resolve(io.cwd, file);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'does not exist'
        : err.code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${err.code ?? err.message})`;
    throw new CliError(`mathdown ${command}: ${file} ${why}.`);
  }
}
