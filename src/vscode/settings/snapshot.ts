// Mathdown's VS Code settings for one scope, read once into one object: the core's settings (math,
// lint, export) and the editor-only ones (preview, export folder). Built from a getter, without
// vscode, so that the reading rules are testable on their own.
import type { MathdownSettings, parseSettings } from '../../core';

export interface PreviewConfig {
  debounceMs: number;
  fontSize: number;
  lineHeight: number;
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  markEditorSelection: boolean;
  persistentCache: boolean;
}

export interface SettingsSnapshot {
  /** `mathdown.math.*`, `mathdown.lint.*` and `mathdown.export.theme/images`, as the core takes them. */
  readonly core: MathdownSettings;
  readonly preview: PreviewConfig;
  /** `mathdown.export.folder`: empty for "beside the source"; relative folders start at the source's. */
  readonly exportFolder: string;
}

/**
 * `get(key)`: the value in force for a key without the `mathdown.` prefix, undefined when unset.
 * `coreKeys`: the settings the core parses (its SETTING_KEYS), so a new core setting needs no change here.
 */
export function buildSnapshot(get: (key: string) => unknown, parse: typeof parseSettings, coreKeys: readonly string[]): SettingsSnapshot {
  const raw: Record<string, unknown> = {};
  for (const key of coreKeys) {
    const v = get(key);
    if (v !== undefined) raw[key] = v;
  }
  const folder = get('export.folder');
  return {
    // A bad value falls back to its default, key by key (parseSettings reports but never throws).
    core: parse(raw).settings,
    preview: {
      debounceMs: clamp(get('preview.debounceMs'), 0, 0, 5000),
      fontSize: clamp(get('preview.fontSize'), 14, 6, 72),
      lineHeight: clamp(get('preview.lineHeight'), 1.6, 0.8, 4),
      scrollPreviewWithEditor: flag(get('preview.scrollPreviewWithEditor'), true),
      scrollEditorWithPreview: flag(get('preview.scrollEditorWithPreview'), true),
      markEditorSelection: flag(get('preview.markEditorSelection'), true),
      persistentCache: flag(get('preview.persistentCache'), true),
    },
    exportFolder: typeof folder === 'string' ? folder.trim() : '',
  };
}

function clamp(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** Unset: the default; any other value counts as it always did, by its truth. */
function flag(v: unknown, fallback: boolean): boolean {
  return v === undefined ? fallback : Boolean(v);
}
