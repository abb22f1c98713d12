// Commands: every command package.json contributes has exactly one handler in the command table
// (src/vscode/commands/productCommands.ts), registered in one place; test-only hooks stay apart.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { PRODUCT_COMMAND_IDS, TEST_COMMAND_IDS } from '../../src/vscode/commands/commandIds';

const ROOT = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; alt?: string }[]>;
    keybindings: { command: string }[];
  };
};
const contributed = pkg.contributes.commands.map((c) => c.command);
const source = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The quoted keys of an object literal that name Mathdown commands, in order. */
const tableKeys = (text: string) => [...text.matchAll(/^\s*'(mathdown\.[\w.]+)':/gm)].map((m) => m[1]!);

test('the contributed commands are exactly the product command ids, each once', () => {
  assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
  assert.deepEqual([...contributed].sort(), [...PRODUCT_COMMAND_IDS].sort());
  assert.equal(new Set(PRODUCT_COMMAND_IDS).size, PRODUCT_COMMAND_IDS.length);
});

test('no test command is contributed or in the product table; every test id is mathdown.test.*', () => {
  for (const id of [...contributed, ...PRODUCT_COMMAND_IDS]) assert.ok(!id.startsWith('mathdown.test.'), `${id} is a test hook`);
  for (const id of TEST_COMMAND_IDS) assert.ok(id.startsWith('mathdown.test.'), `${id} is not named as a test hook`);
});

test('the command table has one handler per product command, the test table one per test hook', () => {
  const product = tableKeys(source('src/vscode/commands/productCommands.ts'));
  assert.deepEqual([...product].sort(), [...PRODUCT_COMMAND_IDS].sort(), 'productCommands.ts: one entry per product command');
  const tests = tableKeys(source('src/vscode/commands/testCommands.ts'));
  assert.deepEqual([...tests].sort(), [...TEST_COMMAND_IDS].sort(), 'testCommands.ts: one entry per test hook');
  // The handlers that edit or write (see hardeningDataSafety.test.ts) are reached from the table.
  assert.match(source('src/vscode/commands/productCommands.ts'), /'mathdown\.lint\.fixAll': s\.lint\.fixAll,/);
  assert.match(source('src/vscode/commands/productCommands.ts'), /'mathdown\.export\.html': s\.exportHtml\.run,/);
});

test('commands are registered only through registerCommands, test hooks only with MATHDOWN_TEST (in the web host: in test mode)', () => {
  for (const file of walk(join(ROOT, 'src/vscode'))) {
    const rel = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    if (rel !== join('src/vscode/commands/registerCommands.ts'))
      assert.doesNotMatch(text, /registerCommand\s*\(/, `${rel} registers a command outside the table`);
    if (!rel.endsWith(join('commands/testCommands.ts')) && !rel.endsWith(join('commands/commandIds.ts')))
      assert.doesNotMatch(text, /['"`]mathdown\.test\./, `${rel} names a test hook`);
  }
  assert.match(
    source('src/vscode/startExtension.ts'),
    /if \(host\.testHooks\) context\.subscriptions\.push\(\.\.\.registerCommands\(testCommands\(/,
  );
  assert.match(source('src/vscode/platform/nodeHost.ts'), /testHooks: !!process\.env\['MATHDOWN_TEST'\],/);
  // The web worker host has no environment: only an extension run by its tests (extensionTestsPath).
  assert.match(source('src/vscode/platform/webHost.ts'), /testHooks: context\.extensionMode === vscode\.ExtensionMode\.Test,/);
});

test('menus, keybindings and the integration tests name only known commands', () => {
  const known = new Set<string>([...PRODUCT_COMMAND_IDS, ...TEST_COMMAND_IDS]);
  for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
    for (const item of items)
      for (const id of [item.command, item.alt ?? item.command]) assert.ok(contributed.includes(id), `menu ${menu} names ${id}`);
  }
  for (const k of pkg.contributes.keybindings) assert.ok(contributed.includes(k.command), `a keybinding names ${k.command}`);
  for (const file of walk(join(ROOT, 'test/integration'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/executeCommand(?:<[^>]*>)?\(\s*'(mathdown\.[\w.]+)'/g))
      assert.ok(known.has(m[1]!), `${relative(ROOT, file)} runs ${m[1]}`);
  }
});
