// schemas/mathdown.schema.json (contributed through jsonValidation for .mathdown.json) is package.json's settings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SETTING_KEYS } from '../../src/core';

const root = join(__dirname, '../../..');

test('the settings file schema is current with package.json', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/gen-settings-schema.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('the schema names every key the core reads, and package.json contributes it for .mathdown.json', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/mathdown.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
  for (const key of SETTING_KEYS) assert.ok(Object.hasOwn(schema.properties, key), key);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> };
  };
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.mathdown.json', url: './schemas/mathdown.schema.json' }]);
});
