// The VS Code layer's settings snapshot (src/vscode/settings): how values are read, and which
// configuration changes reach the preview and lint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings, SETTING_KEYS } from '../../src/core';
import { settingsChange } from '../../src/vscode/settings/settingsChange';
import { buildSnapshot } from '../../src/vscode/settings/snapshot';

const snapshotOf = (values: Record<string, unknown>) => buildSnapshot((key) => values[key], parseSettings, SETTING_KEYS);

test('unset settings give the defaults', () => {
  const s = snapshotOf({});
  assert.deepEqual(s.core, DEFAULT_SETTINGS);
  assert.deepEqual(s.preview, {
    debounceMs: 0,
    fontSize: 14,
    lineHeight: 1.6,
    scrollPreviewWithEditor: true,
    scrollEditorWithPreview: true,
    markEditorSelection: true,
    persistentCache: true,
  });
  assert.equal(s.exportFolder, '');
});

test('math, lint and export settings reach the core settings; a bad one falls back to its default alone', () => {
  const s = snapshotOf({
    'math.macros': { R: '\\mathbb{R}' },
    'math.equationNumbers': 'bogus',
    'lint.run': 'onType',
    'lint.rules': { MM101: 'off' },
    'export.theme': 'dark',
    'export.folder': '  out/html ',
  });
  assert.deepEqual(s.core.math.macros, { R: '\\mathbb{R}' });
  assert.equal(s.core.math.equationNumbers, DEFAULT_SETTINGS.math.equationNumbers);
  assert.equal(s.core.lint.run, 'onType');
  assert.deepEqual(s.core.lint.rules, { MM101: 'off' });
  assert.equal(s.core.export.theme, 'dark');
  assert.equal(s.core.export.images, 'embed');
  assert.equal(s.exportFolder, 'out/html');
});

test('preview numbers are clamped, non-numbers default; flags count by their truth', () => {
  const s = snapshotOf({
    'preview.debounceMs': -5,
    'preview.fontSize': 500,
    'preview.lineHeight': 'big',
    'preview.scrollPreviewWithEditor': false,
    'preview.markEditorSelection': 0,
    'export.folder': 42,
  });
  assert.equal(s.preview.debounceMs, 0);
  assert.equal(s.preview.fontSize, 72);
  assert.equal(s.preview.lineHeight, 1.6);
  assert.equal(s.preview.scrollPreviewWithEditor, false);
  assert.equal(s.preview.markEditorSelection, false);
  assert.equal(s.preview.scrollEditorWithPreview, true);
  assert.equal(s.exportFolder, '');
});

test('a configuration change names its areas; the preview follows preview and math, lint follows lint and math', () => {
  const change = (...sections: string[]) => settingsChange((section) => sections.includes(section));
  assert.equal(change('editor.fontSize'), undefined);
  const math = change('mathdown.math')!;
  assert.deepEqual([...math.areas], ['math']);
  assert.ok(math.affectsPreview && math.affectsLint);
  const preview = change('mathdown.preview')!;
  assert.ok(preview.affectsPreview && !preview.affectsLint);
  const lint = change('mathdown.lint')!;
  assert.ok(!lint.affectsPreview && lint.affectsLint);
  const exported = change('mathdown.export')!;
  assert.ok(!exported.affectsPreview && !exported.affectsLint);
  assert.deepEqual([...change('mathdown.lint', 'mathdown.export')!.areas], ['lint', 'export']);
});

test('every setting the core parses reaches the snapshot, the new ones included (SETTING_KEYS, one list)', () => {
  const s = snapshotOf({
    'math.packages': ['physics'],
    'math.preamble': 'tex/preamble.tex',
    'math.environments': { pmat: ['\\begin{pmatrix}', '\\end{pmatrix}'] },
  });
  assert.deepEqual(s.core.math.packages, ['physics']);
  assert.deepEqual(s.core.math.preamble, ['tex/preamble.tex']);
  assert.deepEqual(s.core.math.environments, { pmat: ['\\begin{pmatrix}', '\\end{pmatrix}'] });
  assert.deepEqual(snapshotOf({ 'math.packages': ['nope'] }).core.math.packages, [], 'an unknown package falls back to none');
});
