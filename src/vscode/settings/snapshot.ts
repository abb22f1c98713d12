// Mathdown's VS Code settings for one scope, read once into one object: the core's settings (math,
// lint, export) and the editor-only ones (preview, export folder). Built from a getter, without
// vscode, so that the reading rules are testable on their own.
import type { MathdownSettings, parseSettings } from '../../core';
import { pageSetupOf, type PageSetup } from '../../node/pdf/pageSetup';

export interface PreviewConfig {
  debounceMs: number;
  fontSize: number;
  lineHeight: number;
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  markEditorSelection: boolean;
  persistentCache: boolean;
}

/** `mathdown.editor.renderMath`: which formulas show their rendering in the editor itself. */
export type RenderMathInEditor = 'off' | 'cursor' | 'display';
const RENDER_MATH: readonly RenderMathInEditor[] = ['off', 'cursor', 'display'];

export interface SettingsSnapshot {
  /** `mathdown.math.*`, `mathdown.lint.*` and `mathdown.export.theme/images`, as the core takes them. */
  readonly core: MathdownSettings;
  readonly preview: PreviewConfig;
  /** `mathdown.export.folder`: empty for "beside the source"; relative folders start at the source's. */
  readonly exportFolder: string;
  /** `mathdown.notebook.renderer`: Mathdown renders notebooks' Markdown cells (off: VS Code's own renderer, KaTeX). */
  readonly notebookRenderer: boolean;
  /** `mathdown.editor.*`. */
  readonly editor: { renderMath: RenderMathInEditor };
  /** `mathdown.export.browserPath` and `mathdown.export.pdf.*`. */
  readonly pdf: { readonly browserPath: string; readonly page: PageSetup };
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
  const browserPath = get('export.browserPath');
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
    notebookRenderer: flag(get('notebook.renderer'), true),
    editor: { renderMath: oneOf(get('editor.renderMath'), RENDER_MATH, 'cursor') },
    pdf: {
      browserPath: typeof browserPath === 'string' ? browserPath.trim() : '',
      page: pageSetupOf({
        pageSize: get('export.pdf.pageSize'),
        margin: get('export.pdf.margin'),
        headerFooter: get('export.pdf.headerFooter'),
      }),
    },
  };
}

function oneOf<T extends string>(v: unknown, values: readonly T[], fallback: T): T {
  return values.includes(v as T) ? (v as T) : fallback;
}

function clamp(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** Unset: the default; any other value counts as it always did, by its truth. */
function flag(v: unknown, fallback: boolean): boolean {
  return v === undefined ? fallback : Boolean(v);
}
