import * as vscode from 'vscode';
import type { MathdownSettings } from '../../core';
import { core } from '../core';
import { readConfig } from '../config';

export interface ExportConfig {
  settings: MathdownSettings;
  /** `mathdown.export.folder`: empty for "beside the source"; relative folders start at the source's. */
  folder: string;
}

/** The settings an export of `document` uses: the preview's math options and `mathdown.export.*`. */
export function readExportConfig(document: vscode.Uri): ExportConfig {
  const c = vscode.workspace.getConfiguration('mathdown', document);
  const raw: Record<string, unknown> = {};
  for (const key of ['export.theme', 'export.images']) {
    const v = c.get<unknown>(key);
    if (v !== undefined) raw[key] = v;
  }
  const { settings } = core().parseSettings(raw, { ...core().DEFAULT_SETTINGS, math: readConfig(document).math });
  const folder = c.get<unknown>('export.folder');
  return { settings, folder: typeof folder === 'string' ? folder.trim() : '' };
}
