// The held-out corpus of real documents, `../shared/corpus`, when this machine has it. It is not
// part of the repository (its documents are not ours to copy), so a user's clone runs without it:
// tests that use it say so and check their own fixtures only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository: tests run bundled from out/test/unit. */
const ROOT = path.join(__dirname, '../../..');

/** `shared/corpus` beside the repository, or beside a folder holding it (worktrees). */
export function corpusDir(): string | undefined {
  for (let d = ROOT; path.dirname(d) !== d; d = path.dirname(d)) {
    const c = path.join(path.dirname(d), 'shared/corpus');
    if (existsSync(c)) return c;
  }
  return undefined;
}

/** The corpus's Markdown documents (its README describes it and is none), named `corpus/<file>`; [] without the corpus. */
export function corpusDocuments(): Array<{ name: string; text: string }> {
  const dir = corpusDir();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((f) => ({ name: `corpus/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}
