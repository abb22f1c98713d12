import { dirname, extname, resolve } from 'node:path';
import { exportHtml } from '../../core/export';
import { defaultPdfPath, exportPdfWith } from '../../node/exportPdf';
import { defaultExportPath, exportToFile, ExportRefused } from '../../node/exportToFile';
import { DEFAULT_PAGE_SETUP, PAGE_SIZES, pageSizeOf, parseMargins, type PageSetup } from '../../node/pdf/pageSetup';
import { isSecurityLevel, SECURITY_LEVELS, type SecurityLevel } from '../../shared/remoteContent';
import { parseArgs } from '../args';
import { CliError } from '../io';
import { loadSettings } from '../loadConfig';
import { readDocument } from '../readDocument';
import { withRenderer } from '../withRenderer';
import type { Command } from './command';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const USAGE = `mathdown export FILE.md [-o OUT.html|OUT.pdf] [--theme light|dark] [--security ${SECURITY_LEVELS.join('|')}] [--pdf [--browser PATH] [--page-size A4|Letter|…] [--margin 20mm] [--no-header-footer]]`;

const exportPdf = exportPdfWith(exportHtml);

function pageSetup(flags: Record<string, string | true>): PageSetup {
  const size = flags['page-size'] === undefined ? DEFAULT_PAGE_SETUP.pageSize : pageSizeOf(flags['page-size']);
  if (!size)
    throw new CliError(`mathdown export: --page-size must be one of ${PAGE_SIZES.join(', ')}, not "${String(flags['page-size'])}".`);
  const margins = flags.margin === undefined ? DEFAULT_PAGE_SETUP.margins : parseMargins(String(flags.margin));
  if (!margins) throw new CliError(`mathdown export: --margin takes one to four lengths (mm, cm, in, pt, px), e.g. "20mm" or "2cm 1.5cm".`);
  return { pageSize: size, margins, headerFooter: flags['no-header-footer'] !== true };
}

/**
 * `mathdown export FILE.md [-o OUT] [--theme light|dark] [--security LEVEL] [--pdf …]`: writes a standalone
 * HTML file, or with --pdf (or an output ending in .pdf) a PDF printed by a Chromium-family browser;
 * prints its path. `--security` is the preview's security level: which remote images the page keeps
 * (strict, the default, leaves them all out).
 */
export const exportCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(
    argv,
    ['output', 'theme', 'config', 'security', 'browser', 'page-size', 'margin'],
    ['pdf', 'no-header-footer'],
    { '-o': 'output' },
  );
  if (positional.length > 1) throw new CliError(`mathdown export: one Markdown file at a time; usage: ${USAGE}`);
  const theme = flags.theme as string | undefined;
  if (theme !== undefined && !(THEMES as readonly string[]).includes(theme)) {
    throw new CliError(`mathdown export: --theme must be light or dark, not "${theme}".`);
  }
  const pdf = flags.pdf === true || (typeof flags.output === 'string' && extname(flags.output).toLowerCase() === '.pdf');
  if (!pdf && (flags.browser !== undefined || flags['page-size'] !== undefined || flags.margin !== undefined || flags['no-header-footer']))
    throw new CliError(`mathdown export: --browser, --page-size, --margin and --no-header-footer are for PDF (--pdf); usage: ${USAGE}`);
  if (pdf && theme === 'dark') throw new CliError('mathdown export: a PDF prints in the light theme; leave out --theme dark.');
  const page = pdf ? pageSetup(flags) : undefined;
  const security = flags.security as string | undefined;
  if (security !== undefined && !isSecurityLevel(security)) {
    throw new CliError(`mathdown export: --security must be one of ${SECURITY_LEVELS.join(', ')}, not "${security}".`);
  }
  const { path, text } = readDocument(positional[0], io, 'export');
  const settings = loadSettings(dirname(path), io, flags.config as string | undefined);
  const output = flags.output ? resolve(io.cwd, flags.output as string) : pdf ? defaultPdfPath(path) : defaultExportPath(path);
  const written = await withRenderer((renderer) =>
    page
      ? exportPdf(text, path, output, {
          renderer,
          settings,
          page,
          browserPath: flags.browser as string | undefined,
          ...(security !== undefined ? { remoteContent: security as SecurityLevel } : {}),
        })
      : exportToFile(text, path, output, {
          renderer,
          settings,
          theme: theme as Theme | undefined,
          ...(security !== undefined ? { remoteContent: security as SecurityLevel } : {}),
        }),
  ).catch((e: unknown) => {
    if (e instanceof ExportRefused) throw new CliError(`mathdown export: not writing ${output}: ${e.message}.`);
    if ((e as Error).name === 'BrowserNotFound') throw new CliError(`mathdown export: no PDF written: ${(e as Error).message}.`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`mathdown export: cannot write ${output} (${code}); check that its folder exists and is writable.`);
    throw e;
  });
  io.out(`${written}\n`);
  return 0;
};
