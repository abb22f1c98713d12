import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { NotebookFormatError, type MathdownRenderer } from '../../core';
import { exportHtml } from '../../core/export';
import { defaultPdfPath, exportPdfWith } from '../../node/exportPdf';
import { defaultExportPath, exportToFile, ExportRefused } from '../../node/exportToFile';
import { DEFAULT_PAGE_SETUP, PAGE_SIZES, pageSizeOf, parseMargins, type PageSetup } from '../../node/pdf/pageSetup';
import { isSecurityLevel, SECURITY_LEVELS, type SecurityLevel } from '../../shared/remoteContent';
import { parseArgs } from '../args';
import { expandPaths } from '../expandPaths';
import { jobsOption, withRendererPool } from '../folder/jobs';
import { mathWeight } from '../folder/mathWeight';
import { progressLine } from '../folder/progressLine';
import { CliError, type CliIO } from '../io';
import { loadSettings, settingsLoader } from '../loadConfig';
import { readDocument } from '../readDocument';
import { withRenderer } from '../withRenderer';
import { shownPath } from '../shownPath';
import type { Command } from './command';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const USAGE = `usage: mathdown export FILE.md|FILE.ipynb [-o OUT.html|OUT.pdf] [--theme light|dark] [--security ${SECURITY_LEVELS.join('|')}] [--pdf [--browser PATH] [--page-size A4|Letter|…] [--margin 20mm] [--no-header-footer]], or mathdown export PATH... --out-dir OUT [--jobs N] (same options, HTML)`;

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
 * `mathdown export FILE.md|FILE.ipynb [-o OUT.html] [--theme light|dark] [--security LEVEL]`: writes a
 * standalone HTML file (of a notebook: see exportNotebookHtml), prints its path. `--security` is the preview's security level: which remote images the
 * page keeps (strict, the default, leaves them all out).
 * `mathdown export PATH… --out-dir OUT [--jobs N]`: the same for files, folders and globs, several at
 * once in one process (one typesetting worker per core, one formula cache), each written below OUT
 * where it sits below the folder (or the glob's fixed part) it was found from; prints the paths in order.
 */
export const exportCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(
    argv,
    ['output', 'theme', 'config', 'security', 'out-dir', 'jobs', 'browser', 'page-size', 'margin'],
    ['pdf', 'no-header-footer'],
    { '-o': 'output' },
  );
  const theme = flags.theme as string | undefined;
  if (theme !== undefined && !(THEMES as readonly string[]).includes(theme)) {
    throw new CliError(`mathdown export: --theme must be light or dark, not "${theme}".`);
  }
  const pdf = flags.pdf === true || (typeof flags.output === 'string' && extname(flags.output).toLowerCase() === '.pdf');
  if (!pdf && (flags.browser !== undefined || flags['page-size'] !== undefined || flags.margin !== undefined || flags['no-header-footer']))
    throw new CliError(`mathdown export: --browser, --page-size, --margin and --no-header-footer are for PDF (--pdf); ${USAGE}`);
  if (pdf && theme === 'dark') throw new CliError('mathdown export: a PDF prints in the light theme; leave out --theme dark.');
  if (pdf && flags['out-dir'] !== undefined)
    throw new CliError(`mathdown export: --pdf takes one file; --out-dir writes HTML pages; ${USAGE}`);
  const page = pdf ? pageSetup(flags) : undefined;
  const security = flags.security as string | undefined;
  if (security !== undefined && !isSecurityLevel(security)) {
    throw new CliError(`mathdown export: --security must be one of ${SECURITY_LEVELS.join(', ')}, not "${security}".`);
  }
  const look: Look = { theme: theme as Theme | undefined, security: security as SecurityLevel | undefined };
  const config = flags.config as string | undefined;
  if (flags['out-dir'] !== undefined) {
    if (flags.output !== undefined) throw new CliError(`mathdown export: -o names one output file; with --out-dir leave it out; ${USAGE}`);
    return exportMany(positional, resolve(io.cwd, flags['out-dir'] as string), io, {
      look,
      config,
      jobs: jobsOption(flags.jobs, 'export'),
    });
  }
  if (flags.jobs !== undefined) throw new CliError(`mathdown export: --jobs goes with --out-dir; ${USAGE}`);
  if (positional.length > 1) throw new CliError(`mathdown export: one Markdown file at a time without --out-dir; ${USAGE}`);
  const { path, text } = readDocument(positional[0], io, 'export');
  const settings = await loadSettings(dirname(path), io, config);
  const output = flags.output ? resolve(io.cwd, flags.output as string) : pdf ? defaultPdfPath(path) : defaultExportPath(path);
  const written = await withRenderer((renderer) =>
    page
      ? exportPdf(text, path, output, {
          renderer,
          settings,
          page,
          browserPath: flags.browser as string | undefined,
          ...(look.security !== undefined ? { remoteContent: look.security } : {}),
        }).catch((e: unknown) => {
          if (e instanceof ExportRefused) throw new CliError(`mathdown export: not writing ${output}: ${e.message}.`);
          if (e instanceof NotebookFormatError) throw new CliError(`mathdown export: ${path}: ${e.message}.`);
          // By name: dist/pdf.js bundles its own copy of these classes.
          if ((e as Error).name === 'BrowserNotFound' || (e as Error).name === 'PrintFailed')
            throw new CliError(`mathdown export: no PDF written: ${(e as Error).message}.`);
          const code = (e as NodeJS.ErrnoException).code;
          if (code) throw new CliError(`mathdown export: cannot write ${output} (${code}); check that its folder exists and is writable.`);
          throw e;
        })
      : exportOne(renderer, text, path, output, settings, look),
  );
  io.out(`${written}\n`);
  return 0;
};

/** The page's theme and security level, the same for every file of a run. */
interface Look {
  theme: Theme | undefined;
  security: SecurityLevel | undefined;
}

async function exportOne(
  renderer: MathdownRenderer,
  text: string,
  path: string,
  output: string,
  settings: Awaited<ReturnType<typeof loadSettings>>,
  look: Look,
): Promise<string> {
  return exportToFile(text, path, output, {
    renderer,
    settings,
    theme: look.theme,
    ...(look.security !== undefined ? { remoteContent: look.security } : {}),
  }).catch((e: unknown) => {
    if (e instanceof ExportRefused) throw new CliError(`mathdown export: not writing ${output}: ${e.message}.`);
    if (e instanceof NotebookFormatError) throw new CliError(`mathdown export: ${path}: ${e.message}.`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`mathdown export: cannot write ${output} (${code}); check that its folder exists and is writable.`);
    throw e;
  });
}

/** Exports every file named by `paths` below `outDir`; a file that fails is reported and the others go on (exit 2). */
async function exportMany(
  paths: readonly string[],
  outDir: string,
  io: CliIO,
  options: { look: Look; config: string | undefined; jobs: number },
): Promise<number> {
  if (!paths.length) throw new CliError(`mathdown export: no PATH given; ${USAGE}`);
  const { files, missing, baseOf } = expandPaths(paths, io.cwd, exportedInFolders);
  for (const m of missing) io.err(`mathdown export: ${m} matches no file or folder; skipped.\n`);
  let failed = missing.length > 0;
  // Two sources that would write one output (a.md given twice from different bases): the first wins.
  const outputs = new Map<string, string>();
  const work: Array<{ path: string; output: string }> = [];
  for (const path of files) {
    const output = outputPath(outDir, relative(baseOf.get(path)!, path));
    const earlier = outputs.get(output);
    if (earlier !== undefined) {
      io.err(
        `mathdown export: ${shownPath(path, io.cwd)} would write ${shownPath(output, io.cwd)} as ${shownPath(earlier, io.cwd)} does; skipped.\n`,
      );
      failed = true;
      continue;
    }
    outputs.set(output, path);
    work.push({ path, output });
  }
  const progress = progressLine(io, 'export', work.length);
  const settingsFor = settingsLoader(io.cwd, options.config);
  const outcomes = await withRendererPool(options.jobs, work.length, (pool) =>
    pool.map(
      work,
      async (renderer, { path, output }) => {
        const errors: string[] = [];
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (e) {
          throw new CliError(
            `mathdown export: cannot read ${shownPath(path, io.cwd)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
          );
        }
        const settings = await settingsFor(dirname(path), { ...io, err: (t) => errors.push(t) });
        await mkdir(dirname(output), { recursive: true });
        return { written: await exportOne(renderer, text, path, output, settings, options.look), errors };
      },
      (index) => progress.done(shownPath(work[index]!.path, io.cwd)),
      ({ path }) => mathWeight(path),
    ),
  );
  progress.end();
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') {
      for (const e of outcome.value.errors) io.err(e);
      io.out(`${outcome.value.written}\n`);
    } else if (outcome.reason instanceof CliError) {
      io.err(`${outcome.reason.message}\n`);
      failed = true;
    } else throw outcome.reason;
  }
  return failed ? 2 : 0;
}

/**
 * What a folder export takes: Markdown files and notebooks, except a notebook paired with a Markdown
 * file of the same name (jupytext): both would write one page, and the Markdown file is the source.
 */
function exportedInFolders(file: string): boolean {
  if (file.endsWith('.md')) return true;
  return file.endsWith('.ipynb') && !existsSync(`${file.slice(0, -'.ipynb'.length)}.md`);
}

/** `sub/notes.md` below OUT → `OUT/sub/notes.html`. */
function outputPath(outDir: string, relativePath: string): string {
  const ext = extname(relativePath);
  return join(outDir, `${ext ? relativePath.slice(0, -ext.length) : relativePath}.html`);
}
