import { readFileSync } from 'node:fs';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/**
 * A cheap estimate of a file's typesetting work, to start the heaviest files of a folder first: its
 * `$` and `\` characters, which grow with its formulas and their size (a long page of prose with a
 * few formulas is light). An unreadable file weighs nothing: its own run reports it.
 */
export function mathWeight(path: string): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return 0;
  }
  let n = 0;
  for (const b of bytes) if (b === DOLLAR || b === BACKSLASH) n++;
  return n;
}
