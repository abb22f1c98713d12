// The settings in force for a document, the same for the CLI and the extension: the settings below
// (defaults, or VS Code's user < workspace < folder < language), then the nearest `.mathdown.json`
// at or above the document, then the preamble files. Front matter and the document's own
// definitions come later, per document (documentMath, MathJax). README "Where settings come from".
import type { ConfigHost } from './configHost';
import { jsonErrorPosition, jsonKeyPosition } from './jsonErrorPosition';
import { parseSettings } from './parseSettings';
import { applyPreamble } from './preamble/applyPreamble';
import { parsePreamble } from './preamble/parsePreamble';
import { DEFAULT_SETTINGS, type MathdownSettings } from './settings';

export const CONFIG_FILE = '.mathdown.json';

/** A problem found while loading, at a place in a settings or preamble file (1-based). */
export interface ConfigDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /**
   * `unreadable`: the file cannot be read; `syntax`: not JSON (its settings are left out);
   * `setting`: one key is wrong, or the file is not an object (the value below the file, or the
   * default, applies); `preamble`: a preamble line is skipped.
   */
  kind: 'unreadable' | 'syntax' | 'setting' | 'preamble';
}

export interface ProjectSettings {
  settings: MathdownSettings;
  /** The settings file that applies, if any (also when it is broken). */
  configFile?: string;
  /** The preamble files read, resolved. */
  preambleFiles: string[];
  diagnostics: ConfigDiagnostic[];
}

export interface LoadSettingsOptions {
  host: ConfigHost;
  /** The document's folder: the search for `.mathdown.json` starts there. */
  dir: string;
  /** The settings below the file (the extension's VS Code settings); the defaults otherwise. */
  base?: MathdownSettings;
  /** The folder `base`'s `math.preamble` paths are relative to (the workspace folder); `dir` otherwise. */
  baseDir?: string;
  /** A settings file named explicitly (the CLI's `--config`) instead of the search. */
  explicit?: string;
}

/** The nearest `.mathdown.json` at or above `dir`, with its text. */
export async function findConfigFile(dir: string, host: ConfigHost): Promise<{ path: string; text: string } | undefined> {
  for (let d: string | undefined = dir; d !== undefined; d = host.parent(d)) {
    const path = host.resolve(d, CONFIG_FILE);
    const text = await readOrUndefined(host, path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

export async function loadProjectSettings(options: LoadSettingsOptions): Promise<ProjectSettings> {
  const { host, dir } = options;
  const diagnostics: ConfigDiagnostic[] = [];
  let settings = options.base ?? DEFAULT_SETTINGS;
  // Preamble paths are resolved where they are written down.
  let preamble = settings.math.preamble.map((p) => host.resolve(options.baseDir ?? dir, p));
  let found: { path: string; text: string } | undefined;
  if (options.explicit !== undefined) {
    const text = await readOrUndefined(host, options.explicit);
    if (text === undefined) diagnostics.push(at(options.explicit, 1, 1, 'does not exist', 'error', 'unreadable'));
    else found = { path: options.explicit, text };
  } else found = await findConfigFile(dir, host);
  if (found) {
    const fromFile = readSettingsFile(found.path, found.text, settings, diagnostics);
    if (fromFile) {
      settings = fromFile;
      const folder = host.parent(found.path) ?? dir;
      if (fromFile.math.preamble !== (options.base ?? DEFAULT_SETTINGS).math.preamble)
        preamble = fromFile.math.preamble.map((p) => host.resolve(folder, p));
    }
  }
  for (const file of preamble) {
    let text: string | undefined;
    try {
      text = await host.readText(file);
    } catch (e) {
      diagnostics.push(at(file, 1, 1, `cannot be read (${e instanceof Error ? e.message : String(e)})`, 'error', 'unreadable'));
      continue;
    }
    if (text === undefined) {
      const where = found ? jsonKeyPosition(found.text, 'math.preamble') : { line: 1, column: 1 };
      diagnostics.push(at(found?.path ?? file, where.line, where.column, `math.preamble: ${file} does not exist`, 'error', 'unreadable'));
      continue;
    }
    const parsed = parsePreamble(text);
    for (const p of parsed.problems) diagnostics.push(at(file, p.line, p.column, p.message, 'warning', 'preamble'));
    settings = { ...settings, math: applyPreamble(settings.math, parsed.definitions) };
  }
  settings = { ...settings, math: { ...settings.math, preamble } };
  return { settings, ...(found ? { configFile: found.path } : {}), preambleFiles: preamble, diagnostics };
}

/** The settings of a `.mathdown.json` over `base`; undefined (and a diagnostic) when the file is not a JSON object. */
function readSettingsFile(path: string, text: string, base: MathdownSettings, out: ConfigDiagnostic[]): MathdownSettings | undefined {
  let raw: unknown;
  try {
    // A BOM is allowed, as editors on Windows write one.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const { line, column } = jsonErrorPosition(text, e);
    out.push(at(path, line, column, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`, 'error', 'syntax'));
    return undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    out.push(at(path, 1, 1, 'must be a JSON object of settings, e.g. {"math.preamble": "preamble.tex"}', 'error', 'setting'));
    return undefined;
  }
  const { settings, problems } = parseSettings(raw, base);
  for (const p of problems) {
    const { line, column } = jsonKeyPosition(text, p.key);
    out.push(at(path, line, column, `"${p.key}" ${p.message}`, 'error', 'setting'));
  }
  return settings;
}

async function readOrUndefined(host: ConfigHost, path: string): Promise<string | undefined> {
  try {
    return await host.readText(path);
  } catch {
    // A folder that cannot be listed or a file that cannot be read is treated as absent, as the search did before.
    return undefined;
  }
}

function at(
  file: string,
  line: number,
  column: number,
  message: string,
  severity: ConfigDiagnostic['severity'],
  kind: ConfigDiagnostic['kind'],
): ConfigDiagnostic {
  return { file, line, column, message, severity, kind };
}
