// The one place that reads Mathdown's VS Code settings and turns them into the core's options.
import * as vscode from 'vscode';
import type { MathOptions } from '../core';
import { core } from './core';

export interface PreviewConfig {
  debounceMs: number;
  fontSize: number;
  lineHeight: number;
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  markEditorSelection: boolean;
  persistentCache: boolean;
}

export interface MathdownConfig {
  math: MathOptions;
  preview: PreviewConfig;
}

const MATH_KEYS = ['delimiters', 'doubleDollarInText', 'macros', 'equationNumbers'] as const;

/** Reads the settings in force for `scope` (a document, so that folder settings apply). */
export function readConfig(scope?: vscode.ConfigurationScope): MathdownConfig {
  const c = vscode.workspace.getConfiguration('mathdown', scope);
  const raw: Record<string, unknown> = {};
  for (const key of MATH_KEYS) {
    const v = c.get<unknown>(`math.${key}`);
    if (v !== undefined) raw[`math.${key}`] = v;
  }
  // A bad value falls back to its default, key by key (parseSettings reports but never throws).
  const math: MathOptions = core().parseSettings(raw).settings.math;
  return {
    math,
    preview: {
      debounceMs: clamp(c.get('preview.debounceMs'), 150, 0, 5000),
      fontSize: clamp(c.get('preview.fontSize'), 14, 6, 72),
      lineHeight: clamp(c.get('preview.lineHeight'), 1.6, 0.8, 4),
      scrollPreviewWithEditor: c.get<boolean>('preview.scrollPreviewWithEditor', true),
      scrollEditorWithPreview: c.get<boolean>('preview.scrollEditorWithPreview', true),
      markEditorSelection: c.get<boolean>('preview.markEditorSelection', true),
      persistentCache: c.get<boolean>('preview.persistentCache', true),
    },
  };
}

/** True when a configuration change touches anything the preview shows. */
export function affectsPreview(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('mathdown.preview') || e.affectsConfiguration('mathdown.math');
}

function clamp(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}
