import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fixAll, lintDocument, parseSettings, type LintDiagnostic, type MathdownSettings } from '../../core';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { parseArgs } from '../args';
import { expandPaths } from '../expandPaths';
import { CliError } from '../io';
import { loadSettings } from '../loadConfig';
import { withRenderer } from '../withRenderer';
import type { Command } from './command';

const USAGE = 'usage: mathdown lint PATH... [--format text|json] [--fix] [--config FILE] [--targets LIST]';

/**
 * `mathdown lint PATH… [--format text|json] [--fix] [--targets github,katex]`: the diagnostics of
 * the VS Code extension for files, folders and globs; `--targets` replaces the configured `lint.targets`. Exit 0 when clean, 1 when anything is reported, 2 on a usage error
 * or an unreadable path (the other paths are still linted).
 */
export const lintCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, ['format', 'config', 'targets'], ['fix']);
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`mathdown lint: --format must be text or json, not "${format}"; ${USAGE}`);
  if (!positional.length) throw new CliError(`mathdown lint: no PATH given; ${USAGE}`);
  const targets = flags.targets === undefined ? undefined : parseTargets(flags.targets as string);
  const { files, missing } = expandPaths(positional, io.cwd);
  for (const m of missing) io.err(`mathdown lint: ${m} matches no file or folder; skipped.\n`);
  let failed = missing.length > 0;
  const results: Array<{ file: string; diagnostics: LintDiagnostic[] }> = [];
  let fixed = 0;
  await withRenderer(async (renderer) => {
    for (const path of files) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        io.err(
          `mathdown lint: cannot read ${shown(path, io.cwd)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped.\n`,
        );
        failed = true;
        continue;
      }
      const configured: MathdownSettings = loadSettings(dirname(path), io, flags.config as string | undefined);
      const settings: MathdownSettings = targets ? { ...configured, lint: { ...configured.lint, targets } } : configured;
      if (flags.fix) {
        const result = fixAll(text, { math: settings.math, rules: settings.lint.rules, targets: settings.lint.targets });
        if (result.text !== text) {
          try {
            await writeFileAtomic(path, result.text);
            fixed += result.fixed;
            text = result.text;
          } catch (e) {
            io.err(
              `mathdown lint: cannot write the fixes to ${shown(path, io.cwd)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`,
            );
            failed = true;
          }
        }
      }
      results.push({ file: shown(path, io.cwd), diagnostics: await lintDocument(text, settings, { renderer }) });
    }
  });
  io.out(format === 'json' ? toJson(results) : toText(results));
  if (flags.fix && fixed) io.err(`mathdown lint: fixed ${fixed} problem${fixed === 1 ? '' : 's'}.\n`);
  if (failed) return 2;
  return results.some((r) => r.diagnostics.length) ? 1 : 0;
};

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

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
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
