// The formula cache as a file, so that a document reopened in a new session is typeset from it.
// Each glyph's path is written once; results that depend on the machine (timeouts, crashes) are left out.
import type { TexError } from '../types';
import { isStyleRule, type StyleRule } from './styleClasses';
import type { CachedFormula, LabelKey, TypesetCache } from './typesetCache';
import type { LabelValue } from './typesetProtocol';

/** Bumped whenever CachedFormula or this layout changes. */
const FORMAT = 2;

/** Characters of markup a file holds at most (the most recently used formulas first). */
const CHAR_BUDGET = 48_000_000;

const MACHINE_DEPENDENT = new Set(['Timeout', 'InternalError']);

type StoredVariant = Omit<CachedFormula, 'glyphs'> & { glyphs: string[] };
type StoredSlot = [definitions: string, display: 0 | 1, tex: string, variants: StoredVariant[]];

/** Formula keys per piece of `cacheFileParts`: small enough that producing one never holds up the host noticeably. */
const SLOTS_PER_PART = 200;

/**
 * The cache as JSON, for the engine identified by `engine` (anything that changes typeset output
 * must change it: a hash of the worker and core bundles, say).
 */
export function serializeCache(cache: TypesetCache, engine: string, charBudget = CHAR_BUDGET): string {
  return [...cacheFileParts(cache, engine, charBudget)].join('');
}

/**
 * `serializeCache`'s text in pieces, so that a caller can write a large cache without blocking its
 * thread for long (it may yield between pieces; formulas cached meanwhile may or may not be included).
 */
export function* cacheFileParts(cache: TypesetCache, engine: string, charBudget = CHAR_BUDGET): Generator<string> {
  const glyphs: Record<string, string> = {};
  let chars = 0;
  let count = 0;
  let part: string[] = [];
  yield `{"format":${FORMAT},"engine":${JSON.stringify(engine)},"slots":[`;
  for (const { key, variants } of cache.recent()) {
    const kept = variants.filter((v) => !(v.error && MACHINE_DEPENDENT.has(v.error.id)));
    if (!kept.length) continue;
    const stored = kept.map((v): StoredVariant => {
      chars += v.html.length;
      for (const [id, path] of v.glyphs) {
        if (id in glyphs) continue;
        glyphs[id] = path;
        chars += path.length;
      }
      return { ...v, glyphs: v.glyphs.map(([id]) => id) };
    });
    chars += key.tex.length;
    if (chars > charBudget) break;
    const slot: StoredSlot = [key.definitions, key.display ? 1 : 0, key.tex, stored];
    part.push((count++ ? ',' : '') + JSON.stringify(slot));
    if (part.length === SLOTS_PER_PART) {
      yield part.join('');
      part = [];
    }
  }
  yield `${part.join('')}],"glyphs":${JSON.stringify(glyphs)}}`;
}

/**
 * Puts the formulas of a serialized cache into `cache`, unless the file is for another engine or
 * format; returns how many formula keys it restored. Anything malformed is skipped, never trusted.
 */
export function restoreCache(cache: TypesetCache, text: string, engine: string): number {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return 0;
  }
  if (
    !isRecord(file) ||
    file['format'] !== FORMAT ||
    file['engine'] !== engine ||
    !isRecord(file['glyphs']) ||
    !Array.isArray(file['slots'])
  )
    return 0;
  const glyphs = file['glyphs'];
  let restored = 0;
  // Oldest first, so that the least recently used are the first to be evicted again.
  for (const slot of (file['slots'] as unknown[]).slice().reverse()) {
    if (!Array.isArray(slot) || slot.length !== 4) continue;
    const [definitions, display, tex, variants] = slot as unknown[];
    if (typeof definitions !== 'string' || (display !== 0 && display !== 1) || typeof tex !== 'string' || !Array.isArray(variants))
      continue;
    const entries = variants.map((v) => variantFrom(v, glyphs)).filter((v): v is CachedFormula => v !== undefined);
    if (entries.length !== variants.length) continue;
    const key = { definitions, display: display === 1, tex };
    for (const entry of entries.reverse()) cache.store(key, entry);
    restored++;
  }
  return restored;
}

function variantFrom(v: unknown, glyphs: Record<string, unknown>): CachedFormula | undefined {
  if (!isRecord(v) || typeof v['html'] !== 'string' || typeof v['defines'] !== 'boolean' || !Array.isArray(v['glyphs'])) return undefined;
  const ids = v['glyphs'] as unknown[];
  const paths = ids.map((id) =>
    typeof id === 'string' && typeof glyphs[id] === 'string' ? ([id, glyphs[id] as string] as const) : undefined,
  );
  if (paths.some((p) => p === undefined)) return undefined;
  const labels = labelKeys(v['labels']);
  const labelsSet = labelValues(v['labelsSet']);
  const styles = styleRules(v['styles']);
  if (!labels || !labelsSet || !styles) return undefined;
  const entry: { -readonly [K in keyof CachedFormula]: CachedFormula[K] } = {
    labels,
    html: v['html'],
    glyphs: paths as Array<readonly [string, string]>,
    labelsSet,
    defines: v['defines'],
    styles,
  };
  if (v['counter'] !== undefined) {
    if (typeof v['counter'] !== 'number' || typeof v['counterAfter'] !== 'number') return undefined;
    entry.counter = v['counter'];
    entry.counterAfter = v['counterAfter'];
  }
  if (v['redoLabels'] !== undefined) {
    const redo = labelKeys(v['redoLabels']);
    if (!redo) return undefined;
    entry.redoLabels = redo;
  }
  if (v['error'] !== undefined) {
    const error = texError(v['error']);
    if (!error) return undefined;
    entry.error = error;
  }
  return entry;
}

function labelKeys(v: unknown): Record<string, LabelKey> | undefined {
  if (!isRecord(v)) return undefined;
  for (const k in v) if (v[k] !== null && typeof v[k] !== 'string') return undefined;
  return v as Record<string, LabelKey>;
}

function labelValues(v: unknown): Record<string, LabelValue> | undefined {
  if (!isRecord(v)) return undefined;
  for (const k in v) if (!isPairOfStrings(v[k])) return undefined;
  return v as Record<string, LabelValue>;
}

function styleRules(v: unknown): StyleRule[] | undefined {
  return Array.isArray(v) && v.every((rule) => isPairOfStrings(rule) && isStyleRule(rule)) ? (v as StyleRule[]) : undefined;
}

function isPairOfStrings(v: unknown): v is readonly [string, string] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';
}

function texError(v: unknown): TexError | undefined {
  if (!isRecord(v) || typeof v['id'] !== 'string' || typeof v['message'] !== 'string') return undefined;
  if (v['offset'] !== undefined && typeof v['offset'] !== 'number') return undefined;
  return v['offset'] === undefined ? { id: v['id'], message: v['message'] } : { id: v['id'], message: v['message'], offset: v['offset'] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
