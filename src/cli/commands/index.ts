import type { Command } from './command';
import { formulasCommand } from './formulas';
import { renderCommand } from './render';
import { exportCommand } from './export';
import { lintCommand } from './lint';

export type { Command } from './command';

export const COMMANDS: Record<string, Command> = {
  formulas: formulasCommand,
  render: renderCommand,
  export: exportCommand,
  lint: lintCommand,
};

export const HELP = `mathdown — Markdown with LaTeX math, checked and rendered the same way as the VS Code extension.

Usage:
  mathdown formulas FILE.md                  list every formula, exactly as handed to MathJax (JSON lines)
  mathdown render FILE.md                    print the HTML fragment the preview shows (math as SVG)
  mathdown export FILE.md [-o OUT.html] [--theme light|dark] [--security LEVEL]
                                             write a standalone HTML file, math already typeset;
                                             remote images: left out (--security strict, the
                                             default), or linked with allowRemote (https),
                                             allowInsecureLocal (also http from localhost),
                                             allowInsecure (http too)
                                             FILE.ipynb: a notebook's Markdown cells as one
                                             document, code cells with text and image outputs
  mathdown export PATH... --out-dir OUT [--theme light|dark] [--security LEVEL] [--jobs N]
                                             the same for files, folders and globs, each written
                                             below OUT as it sits below its folder
  mathdown export FILE.md --pdf [-o OUT.pdf] [--browser PATH] [--page-size A4|Letter|Legal|A3|A5|Tabloid]
                  [--margin 20mm] [--no-header-footer] [--security LEVEL]
                                             print it to PDF with Chrome, Chromium or Edge (found, or --browser)
  mathdown lint PATH... [--format text|json] [--fix] [--jobs N]
                                             check math for errors and portability problems
  mathdown --help | --version

PATH is a file, a folder (every *.md below it; export also every *.ipynb without a .md of the
same name beside it) or a glob (*, **, ?, [...], {a,b}).

Options for every command:
  --config FILE   settings file (default: the nearest .mathdown.json at or above the file)
  --jobs N        files worked on at once over folders, one typesetting worker each
                  (default: one per core); all share one formula cache

On a terminal, export and lint over several files keep a progress line on stderr; in CI or a pipe
they print only their results.

Exit codes: 0 success (lint: no diagnostics), 1 lint found problems, 2 usage error or unreadable input.
`;
