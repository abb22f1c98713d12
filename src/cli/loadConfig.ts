import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseSettings, type MathdownSettings } from '../core';
import { CliError, type CliIO } from './io';

export const CONFIG_FILE = '.mathdown.json';

/** The nearest `.mathdown.json` at or above `dir`, or undefined. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const f = join(d, CONFIG_FILE);
    if (existsSync(f)) return f;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * Settings for a file: from `--config FILE` when given, else the nearest `.mathdown.json`.
 * A malformed file is an error; a bad key is reported on stderr and its default applies.
 */
export function loadSettings(forDir: string, io: CliIO, explicit?: string): MathdownSettings {
  const file = explicit ? resolve(io.cwd, explicit) : findConfig(forDir);
  if (!file) return parseSettings(undefined).settings;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `is not valid JSON (${(e as Error).message})`;
    throw new CliError(`mathdown: config file ${file} ${why}; fix it or pass another with --config.`);
  }
  const { settings, problems } = parseSettings(raw);
  for (const p of problems) io.err(`mathdown: ${file}: "${p.key}" ${p.message}; using the default.\n`);
  return settings;
}
