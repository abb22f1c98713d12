import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseSettings } from '../../src/core/config/parseSettings';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { DEFAULT_MATH_OPTIONS } from '../../src/core/types';

interface Property {
  default?: unknown;
}
const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = manifest.contributes.configuration.properties;

test("package.json declares every setting the core knows, with the core's default", () => {
  assert.equal(DEFAULT_SETTINGS.math, DEFAULT_MATH_OPTIONS, 'the math defaults are defined once');
  for (const [group, values] of Object.entries(DEFAULT_SETTINGS)) {
    for (const [key, value] of Object.entries(values as object)) {
      const name = `mathdown.${group}.${key}`;
      assert.ok(Object.hasOwn(properties, name), `package.json declares ${name}`);
      assert.deepEqual(properties[name]!.default, value, `${name}'s default`);
    }
  }
});

test("package.json's defaults, read as settings, are the core's defaults; its editor-only settings raise no problem", () => {
  const raw = Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, p.default]));
  const { settings, problems } = parseSettings(raw);
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, DEFAULT_SETTINGS);
});
