import { resolve } from 'node:path';
import { loadProjectSettings, type MathdownSettings } from '../core';
import { nodeConfigHost } from '../node/nodeConfigHost';
import { CliError, type CliIO } from './io';

export { CONFIG_FILE } from '../core';

/**
 * Settings for a file in `forDir`: from `--config FILE` when given, else the nearest
 * `.mathdown.json`, with its preamble files (the loader the extension uses too). A missing or
 * malformed settings file is an error; a bad key is reported on stderr and its default applies;
 * a preamble line that is not a definition is reported on stderr and skipped.
 */
export async function loadSettings(forDir: string, io: CliIO, explicit?: string): Promise<MathdownSettings> {
  const file = explicit !== undefined ? resolve(io.cwd, explicit) : undefined;
  const project = await loadProjectSettings({
    host: nodeConfigHost,
    dir: resolve(forDir),
    ...(file !== undefined ? { explicit: file } : {}),
  });
  for (const d of project.diagnostics) {
    if (d.kind === 'syntax' || (d.kind === 'unreadable' && d.file === file))
      throw new CliError(`mathdown: config file ${d.file} ${d.message}; fix it or pass another with --config.`);
  }
  for (const d of project.diagnostics) {
    if (d.kind === 'setting') io.err(`mathdown: ${d.file}: ${d.message}; using the default.\n`);
    else io.err(`mathdown: ${d.file}:${d.line}:${d.column}: ${d.message}.\n`);
  }
  return project.settings;
}
