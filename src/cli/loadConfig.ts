import { resolve } from 'node:path';
import { loadProjectSettings, type ConfigHost, type MathdownSettings, type ProjectSettings } from '../core';
import { nodeConfigHost } from '../node/nodeConfigHost';
import { CliError, type CliIO } from './io';

export { CONFIG_FILE } from '../core';

/**
 * Settings for a file in `forDir`: from `--config FILE` when given, else the nearest
 * `.mathdown.json`, with its preamble files (the loader the extension uses too). A missing or
 * malformed settings file is an error; a bad key is reported on stderr and its default applies;
 * a preamble line that is not a definition is reported on stderr and skipped.
 */
export function loadSettings(forDir: string, io: CliIO, explicit?: string): Promise<MathdownSettings> {
  return settingsLoader(io.cwd, explicit)(forDir, io);
}

/**
 * `loadSettings` for the files of one run: the settings and preamble files are read once per
 * folder (a folder's files share them), each file's caller still hears of their problems.
 */
export function settingsLoader(
  cwd: string,
  explicit?: string,
  host: ConfigHost = nodeConfigHost,
): (forDir: string, io: CliIO) => Promise<MathdownSettings> {
  const file = explicit !== undefined ? resolve(cwd, explicit) : undefined;
  const loaded = new Map<string, Promise<ProjectSettings>>();
  return async (forDir, io) => {
    const dir = resolve(forDir);
    let project = loaded.get(dir);
    if (!project) {
      project = loadProjectSettings({ host, dir, ...(file !== undefined ? { explicit: file } : {}) });
      loaded.set(dir, project);
    }
    return settingsOf(await project, file, io);
  };
}

function settingsOf(project: ProjectSettings, explicit: string | undefined, io: CliIO): MathdownSettings {
  for (const d of project.diagnostics) {
    if (d.kind === 'syntax' || (d.kind === 'unreadable' && d.file === explicit))
      throw new CliError(`mathdown: config file ${d.file} ${d.message}; fix it or pass another with --config.`);
  }
  for (const d of project.diagnostics) {
    if (d.kind === 'setting') io.err(`mathdown: ${d.file}: ${d.message}; using the default.\n`);
    else io.err(`mathdown: ${d.file}:${d.line}:${d.column}: ${d.message}.\n`);
  }
  return project.settings;
}
