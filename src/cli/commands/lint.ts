import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fixAll, lintDocument, parseSettings, type LintDiagnostic, type MathdownRenderer, type MathdownSettings } from '../../core';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { parseArgs, type ParsedArgs } from '../args';
import { expandPaths } from '../expandPaths';
import { jobsOption, withRendererPool } from '../folder/jobs';
import { mathWeight } from '../folder/mathWeight';
import { progressLine } from '../folder/progressLine';
import { CliError, type CliIO } from '../io';
import { settingsLoader } from '../loadConfig';
import { shownPath } from '../shownPath';
import type { Command } from './command';

const USAGE = 'usage: mathdown lint PATH... [--format text|json] [--fix] [--config FILE] [--jobs N] [--targets LIST]';

/**
 * `mathdown lint PATH… [--format text|json] [--fix] [--jobs N] [--targets github,katex]`: the
 * diagnostics of the VS Code extension for files, folders and globs, several files at once (one per
 * core by default); `--targets` replaces the configured `lint.targets`. Exit 0 when clean, 1 when anything is reported, 2 on a usage error
 * or an unreadable path (the other paths are still linted).
 */
export const lintCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, ['format', 'config', 'jobs', 'targets'], ['fix']);
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`mathdown lint: --format must be text or json, not "${format}"; ${USAGE}`);
  if (!positional.length) throw new CliError(`mathdown lint: no PATH given; ${USAGE}`);
  const jobs = jobsOption(flags.jobs, 'lint');
  const targets = flags.targets === undefined ? undefined : parseTargets(flags.targets as string);
  const { files, missing } = expandPaths(positional, io.cwd);
  for (const m of missing) io.err(`mathdown lint: ${m} matches no file or folder; skipped.\n`);
  let failed = missing.length > 0;
  const progress = progressLine(io, 'lint', files.length);
  const settingsFor = settingsLoader(io.cwd, flags.config as string | undefined);
  // Files are linted at once, one per worker; what they print is gathered and printed in the files' order.
  const outcomes = await withRendererPool(jobs, files.length, (pool) =>
    pool.map(
      files,
      (renderer, path) => lintFile(path, renderer, io, settingsFor, flags, targets),
      (index) => progress.done(shownPath(files[index]!, io.cwd)),
      mathWeight,
    ),
  );
  progress.end();
  const results: Array<{ file: string; diagnostics: LintDiagnostic[] }> = [];
  let fixed = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') throw outcome.reason;
    const r = outcome.value;
    for (const n of r.notes) io.err(n);
    for (const e of r.errors) io.err(e);
    if (r.errors.length) failed = true;
    fixed += r.fixed;
    if (r.diagnostics) results.push({ file: r.file, diagnostics: r.diagnostics });
  }
  io.out(format === 'json' ? toJson(results) : toText(results));
  if (flags.fix && fixed) io.err(`mathdown lint: fixed ${fixed} problem${fixed === 1 ? '' : 's'}.\n`);
  if (failed) return 2;
  return results.some((r) => r.diagnostics.length) ? 1 : 0;
};

interface FileLint {
  file: string;
  /** Undefined when the file could not be read. */
  diagnostics?: LintDiagnostic[];
  fixed: number;
  /** Lines for stderr. */
  errors: string[];
  /** What the settings files say about themselves (printed to stderr; not a failure). */
  notes: string[];
}

async function lintFile(
  path: string,
  renderer: MathdownRenderer,
  io: CliIO,
  settingsFor: ReturnType<typeof settingsLoader>,
  flags: ParsedArgs['flags'],
  targets: MathdownSettings['lint']['targets'] | undefined,
): Promise<FileLint> {
  const file = shownPath(path, io.cwd);
  const errors: string[] = [];
  const notes: string[] = [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    errors.push(`mathdown lint: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped.\n`);
    return { file, fixed: 0, errors, notes };
  }
  const loaded: MathdownSettings = await settingsFor(dirname(path), { ...io, err: (t) => notes.push(t) });
  const settings: MathdownSettings = targets ? { ...loaded, lint: { ...loaded.lint, targets } } : loaded;
  let fixed = 0;
  if (flags.fix) {
    const result = fixAll(text, { math: settings.math, rules: settings.lint.rules, targets: settings.lint.targets });
    if (result.text !== text) {
      try {
        await writeFileAtomic(path, result.text);
        fixed = result.fixed;
        text = result.text;
      } catch (e) {
        errors.push(`mathdown lint: cannot write the fixes to ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`);
      }
    }
  }
  return { file, diagnostics: await lintDocument(text, settings, { renderer }), fixed, errors, notes };
}

/** `--targets github,katex`: checked as the `lint.targets` setting is. */
function parseTargets(list: string): MathdownSettings['lint']['targets'] {
  const names = list
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const { settings, problems } = parseSettings({ lint: { targets: names } });
  if (problems.length || !names.length)
    throw new CliError(`mathdown lint: --targets ${problems[0]?.message ?? 'must name at least one target'}; ${USAGE}`);
  return settings.lint.targets;
}

function toText(results: ReadonlyArray<{ file: string; diagnostics: LintDiagnostic[] }>): string {
  return results
    .flatMap(({ file, diagnostics }) => diagnostics.map((d) => `${file}:${d.line}:${d.column} ${d.rule}/${d.name} ${d.message}\n`))
    .join('');
}

function toJson(results: ReadonlyArray<{ file: string; diagnostics: LintDiagnostic[] }>): string {
  const rows = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      rule: d.rule,
      name: d.name,
      severity: d.severity,
      message: d.message,
      fixable: !!d.fix,
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}
