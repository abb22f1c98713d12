// Mathdown's VS Code settings for one document, as the core's settings type.
import * as vscode from 'vscode';
import type { MathdownSettings } from '../../core';
import { core } from '../core';
import { readConfig } from '../config';

const LINT_KEYS = ['run', 'rules', 'targets'] as const;

/** The settings in force for `scope` (folder settings apply); a bad value falls back to its default. */
export function readLintSettings(scope?: vscode.ConfigurationScope): MathdownSettings {
  const c = vscode.workspace.getConfiguration('mathdown', scope);
  const raw: Record<string, unknown> = {};
  for (const key of LINT_KEYS) {
    const v = c.get<unknown>(`lint.${key}`);
    if (v !== undefined) raw[`lint.${key}`] = v;
  }
  const { settings } = core().parseSettings(raw);
  return { ...settings, math: readConfig(scope).math };
}

/** True when a configuration change can change diagnostics. */
export function affectsLint(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('mathdown.lint') || e.affectsConfiguration('mathdown.math');
}
