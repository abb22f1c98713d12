import { dirname } from 'node:path';
import { parseArgs } from '../args';
import { loadSettings } from '../loadConfig';
import { readDocument } from '../readDocument';
import { withRenderer } from '../withRenderer';
import type { Command } from './command';

export const formulasCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, ['config'], []);
  const { path, text } = readDocument(positional[0], io, 'formulas');
  const settings = await loadSettings(dirname(path), io, flags.config as string | undefined);
  const { formulas } = await withRenderer((r) => r.render(text, { math: settings.math }));
  let out = '';
  for (const f of formulas) {
    out +=
      JSON.stringify({
        tex: f.tex,
        display: f.display,
        line: f.line,
        column: f.column,
        delimiter: f.delimiter,
        ...(f.error ? { error: f.error.message } : {}),
      }) + '\n';
  }
  io.out(out);
  return 0;
};
