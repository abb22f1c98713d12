import { findRule } from '../lint/rules';
import { OPTIONAL_TEX_PACKAGES } from '../mathjax/texPackages';
import type { DelimiterFamily } from '../types';
import { DEFAULT_SETTINGS, LINT_TARGET_NAMES, type MathdownSettings, type SettingsProblem } from './settings';

type Check = (value: unknown) => string | undefined;

const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v) ? undefined : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const listOf =
  (...allowed: string[]): Check =>
  (v) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string' && allowed.includes(x))
      ? undefined
      : `must be an array of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const RULE_ID = /^MM\d{3}$/;
const SEVERITIES = ['off', 'info', 'warning', 'error'];

const checkMacros: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object mapping macro names to definitions';
  for (const [name, def] of Object.entries(v)) {
    if (!/^\\?[A-Za-z]+$/.test(name)) return `has an invalid macro name ${JSON.stringify(name)} (letters only, e.g. "R")`;
    const ok =
      typeof def === 'string' ||
      (Array.isArray(def) &&
        (def.length === 2 || (def.length === 3 && typeof def[2] === 'string')) &&
        typeof def[0] === 'string' &&
        isArgCount(def[1]));
    if (!ok)
      return `has an invalid definition for ${JSON.stringify(name)} (a string, or [definition, number of arguments 0-9, default of the first])`;
  }
  return undefined;
};
const isArgCount = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 9;
const checkEnvironments: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object mapping environment names to [begin, end]';
  for (const [name, def] of Object.entries(v)) {
    if (!/^[A-Za-z@0-9]+\*?$/.test(name)) return `has an invalid environment name ${JSON.stringify(name)}`;
    const ok =
      Array.isArray(def) &&
      def.length >= 2 &&
      def.length <= 4 &&
      typeof def[0] === 'string' &&
      typeof def[1] === 'string' &&
      (def.length < 3 || isArgCount(def[2])) &&
      (def.length < 4 || typeof def[3] === 'string');
    if (!ok)
      return `has an invalid definition for ${JSON.stringify(name)} ([begin, end], optionally with the number of arguments and the first one's default)`;
  }
  return undefined;
};
const checkPackages: Check = (v) => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return 'must be an array of package names';
  const unknown = v.find((p) => !OPTIONAL_TEX_PACKAGES.includes(p as string));
  return unknown === undefined
    ? undefined
    : `names ${JSON.stringify(unknown)}, which is not an optional MathJax package (offered: ${OPTIONAL_TEX_PACKAGES.map((p) => JSON.stringify(p)).join(', ')})`;
};
const checkPaths: Check = (v) =>
  (typeof v === 'string' && v.trim() !== '') || (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== ''))
    ? undefined
    : 'must be a path or an array of paths to .tex/.sty files';
const checkRules: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object like {"MM104": "off"}';
  for (const [id, sev] of Object.entries(v)) {
    if (!RULE_ID.test(id)) return `names an unknown rule ${JSON.stringify(id)} (rule ids look like "MM101")`;
    if (findRule(id)?.id !== id) return `names an unknown rule ${JSON.stringify(id)} (see docs/rules for the rule ids)`;
    if (typeof sev !== 'string' || !SEVERITIES.includes(sev))
      return `sets ${id} to ${JSON.stringify(sev)}; use "off", "info", "warning" or "error"`;
  }
  return undefined;
};

/** Every key of `.mathdown.json` (= the VS Code setting without the `mathdown.` prefix). */
// `apply` gets a value its `check` accepted, so each entry can name the type it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const KEYS: Record<string, { check: Check; apply: (s: MathdownSettings, v: any) => void }> = {
  'math.delimiters': {
    check: listOf('dollars', 'brackets', 'environments', 'gfm', 'double-backslash'),
    apply: (s, v: DelimiterFamily[]) => {
      s.math = { ...s.math, delimiters: v };
    },
  },
  'math.doubleDollarInText': {
    check: oneOf('display', 'inline'),
    apply: (s, v) => {
      s.math = { ...s.math, doubleDollarInText: v };
    },
  },
  // Objects of named entries merge with the layer below, name by name (see README, "Where settings come from").
  'math.macros': {
    check: checkMacros,
    apply: (s, v) => {
      s.math = { ...s.math, macros: { ...s.math.macros, ...normaliseMacros(v) } };
    },
  },
  'math.environments': {
    check: checkEnvironments,
    apply: (s, v) => {
      s.math = { ...s.math, environments: { ...s.math.environments, ...v } };
    },
  },
  'math.packages': {
    check: checkPackages,
    apply: (s, v: string[]) => {
      s.math = { ...s.math, packages: [...new Set(v)] };
    },
  },
  'math.preamble': {
    check: checkPaths,
    apply: (s, v: string | string[]) => {
      s.math = { ...s.math, preamble: typeof v === 'string' ? [v] : v };
    },
  },
  'math.equationNumbers': {
    check: oneOf('none', 'ams', 'all'),
    apply: (s, v) => {
      s.math = { ...s.math, equationNumbers: v };
    },
  },
  'math.syntax': {
    check: oneOf('auto', 'standard', 'myst'),
    apply: (s, v) => {
      s.math = { ...s.math, syntax: v };
    },
  },
  'lint.run': {
    check: oneOf('onSave', 'onType', 'off'),
    apply: (s, v) => {
      s.lint = { ...s.lint, run: v };
    },
  },
  'lint.rules': {
    check: checkRules,
    apply: (s, v) => {
      s.lint = { ...s.lint, rules: { ...s.lint.rules, ...v } };
    },
  },
  'lint.targets': {
    check: listOf(...LINT_TARGET_NAMES),
    apply: (s, v) => {
      s.lint = { ...s.lint, targets: v };
    },
  },
  'lint.notebookTargets': {
    check: listOf(...LINT_TARGET_NAMES),
    apply: (s, v) => {
      s.lint = { ...s.lint, notebookTargets: v };
    },
  },
  'export.theme': {
    check: oneOf('light', 'dark'),
    apply: (s, v) => {
      s.export = { ...s.export, theme: v };
    },
  },
  'export.images': {
    check: oneOf('embed', 'link'),
    apply: (s, v) => {
      s.export = { ...s.export, images: v };
    },
  },
};

/** Keys the extension also reads but that mean nothing to the core; accepted without complaint. */
const EDITOR_ONLY = /^(preview|completion|hover|editor|notebook|export\.(folder|openAfter|browserPath|pdf))\./;

/** Settings are JSON (checked above): a JSON copy is exact. */
function structuredCloneable<T>(value: T): T {
  return value !== null && typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

function normaliseMacros(v: Record<string, string | [string, number]>): Record<string, string | [string, number]> {
  const out: Record<string, string | [string, number]> = {};
  for (const [name, def] of Object.entries(v)) out[name.replace(/^\\/, '')] = def;
  return out;
}

function flatten(raw: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(raw)) {
    const key = prefix + k.replace(/^mathdown\./, '');
    if (!Object.hasOwn(KEYS, key) && v && typeof v === 'object' && !Array.isArray(v) && !EDITOR_ONLY.test(key + '.'))
      flatten(v as Record<string, unknown>, key + '.', out);
    else out[key] = v;
  }
  return out;
}

/** The keys `parseSettings` knows (without the `mathdown.` prefix): the VS Code snapshot reads these. */
export const SETTING_KEYS: readonly string[] = Object.keys(KEYS);

/**
 * Validates settings given flat (`{"math.delimiters": [...]}`) or nested (`{"math": {"delimiters": [...]}}`).
 * A bad key yields a problem naming it, and its default applies; nothing throws. Over `base`, each
 * key replaces its value there, except the named entries of `math.macros`, `math.environments`
 * and `lint.rules`, which are added to (and override by name) those of `base`.
 */
export function parseSettings(
  raw: unknown,
  base: MathdownSettings = DEFAULT_SETTINGS,
): { settings: MathdownSettings; problems: SettingsProblem[] } {
  const settings: MathdownSettings = { math: { ...base.math }, lint: { ...base.lint }, export: { ...base.export } };
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { settings, problems: [{ key: '', message: 'must be a JSON object of settings' }] };
  for (const [key, value] of Object.entries(flatten(raw as Record<string, unknown>))) {
    // Own keys only: "constructor" or "toString" in a config file are unknown keys, not Object's methods.
    const spec = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!spec) {
      if (!EDITOR_ONLY.test(key + '.'))
        problems.push({ key, message: `is not a Mathdown setting (known: ${Object.keys(KEYS).join(', ')})` });
      continue;
    }
    const problem = spec.check(value);
    if (problem) problems.push({ key, message: problem });
    // A copy as plain data: VS Code hands settings over as read-only proxies, which cannot be
    // posted to a worker (the lint worker gets the settings' rules, targets and macros).
    else spec.apply(settings, structuredCloneable(value));
  }
  return { settings, problems };
}
