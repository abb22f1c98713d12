import { dirname } from 'node:path';
import { parseArgs } from '../args';
import { loadSettings } from '../loadConfig';
import { readDocument } from '../readDocument';
import { withRenderer } from '../withRenderer';
import type { Command } from './command';

export const renderCommand: Command = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, ['config'], []);
  const { path, text } = readDocument(positional[0], io, 'render');
  const settings = await loadSettings(dirname(path), io, flags.config as string | undefined);
  const { html } = await withRenderer((r) => r.render(text, { math: settings.math }));
  io.out(html);
  return 0;
};
