import { dirname, resolve } from 'node:path';
import { defaultExportPath, exportToFile, ExportRefused } from '../../node/exportToFile';
import { parseArgs } from '../args';
import { CliError } from '../io';
import { loadSettings } from '../loadConfig';
import { readDocument } from '../readDocument';
import { withRenderer } from '../withRenderer';
import type { Command } from './command';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** `mathdown export FILE.md [-o OUT.html] [--theme light|dark]`: writes a standalone HTML file, prints its path. */
export const exportCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, ['output', 'theme', 'config'], [], { '-o': 'output' });
  if (positional.length > 1)
    throw new CliError('mathdown export: one Markdown file at a time; usage: mathdown export FILE.md [-o OUT.html] [--theme light|dark]');
  const theme = flags.theme as string | undefined;
  if (theme !== undefined && !(THEMES as readonly string[]).includes(theme)) {
    throw new CliError(`mathdown export: --theme must be light or dark, not "${theme}".`);
  }
  const { path, text } = readDocument(positional[0], io, 'export');
  const settings = await loadSettings(dirname(path), io, flags.config as string | undefined);
  const output = flags.output ? resolve(io.cwd, flags.output as string) : defaultExportPath(path);
  const written = await withRenderer((renderer) =>
    exportToFile(text, path, output, { renderer, settings, theme: theme as Theme | undefined }),
  ).catch((e: unknown) => {
    if (e instanceof ExportRefused) throw new CliError(`mathdown export: not writing ${output}: ${e.message}.`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`mathdown export: cannot write ${output} (${code}); check that its folder exists and is writable.`);
    throw e;
  });
  io.out(`${written}\n`);
  return 0;
};
