import { dirname, resolve } from 'node:path';
import { defaultExportPath, exportToFile, ExportRefused } from '../../node/exportToFile';
import { isSecurityLevel, SECURITY_LEVELS, type SecurityLevel } from '../../shared/remoteContent';
import { parseArgs } from '../args';
import { CliError } from '../io';
import { loadSettings } from '../loadConfig';
import { readDocument } from '../readDocument';
import { withRenderer } from '../withRenderer';
import type { Command } from './command';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const USAGE = `mathdown export FILE.md [-o OUT.html] [--theme light|dark] [--security ${SECURITY_LEVELS.join('|')}]`;

/**
 * `mathdown export FILE.md [-o OUT.html] [--theme light|dark] [--security LEVEL]`: writes a standalone
 * HTML file, prints its path. `--security` is the preview's security level: which remote images the
 * page keeps (strict, the default, leaves them all out).
 */
export const exportCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, ['output', 'theme', 'config', 'security'], [], { '-o': 'output' });
  if (positional.length > 1) throw new CliError(`mathdown export: one Markdown file at a time; usage: ${USAGE}`);
  const theme = flags.theme as string | undefined;
  if (theme !== undefined && !(THEMES as readonly string[]).includes(theme)) {
    throw new CliError(`mathdown export: --theme must be light or dark, not "${theme}".`);
  }
  const security = flags.security as string | undefined;
  if (security !== undefined && !isSecurityLevel(security)) {
    throw new CliError(`mathdown export: --security must be one of ${SECURITY_LEVELS.join(', ')}, not "${security}".`);
  }
  const { path, text } = readDocument(positional[0], io, 'export');
  const settings = loadSettings(dirname(path), io, flags.config as string | undefined);
  const output = flags.output ? resolve(io.cwd, flags.output as string) : defaultExportPath(path);
  const written = await withRenderer((renderer) =>
    exportToFile(text, path, output, {
      renderer,
      settings,
      theme: theme as Theme | undefined,
      ...(security !== undefined ? { remoteContent: security as SecurityLevel } : {}),
    }),
  ).catch((e: unknown) => {
    if (e instanceof ExportRefused) throw new CliError(`mathdown export: not writing ${output}: ${e.message}.`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`mathdown export: cannot write ${output} (${code}); check that its folder exists and is writable.`);
    throw e;
  });
  io.out(`${written}\n`);
  return 0;
};
