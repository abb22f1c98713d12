// The math injection grammars of syntaxes/, loaded as VS Code loads them (the manifest's
// contributes.grammars) on top of VS Code's own Markdown and TeX grammars (npm package tm-grammars),
// tokenized with vscode-textmate + vscode-oniguruma, against test/fixtures/grammar/cases.txt: alone, and
// next to VS Code's built-in markdown-math injections (also against test/fixtures/grammar/coexistence.txt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import table from '../../src/core/authoring/texCommands.generated.json';

const root = resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of several shapes, checked where read
const readJson = (file: string): any => JSON.parse(readFileSync(file, 'utf8'));

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
  language?: string;
}
/** One extension's grammar contributions, with the folder its paths are relative to. */
interface Extension {
  builtin: boolean;
  dir: string;
  grammars: GrammarContribution[];
}
const manifest = readJson(join(root, 'package.json'));
const contributed: GrammarContribution[] = manifest.contributes.grammars;
const mathdown: Extension = { builtin: false, dir: root, grammars: contributed };
// VS Code's built-in markdown-math extension, vendored from the code-server used by the integration tests.
const vscodeMathDir = join(root, 'test/fixtures/grammar/vscode-markdown-math');
const vscodeMath: Extension = {
  builtin: true,
  dir: vscodeMathDir,
  grammars: readJson(join(vscodeMathDir, 'package.json')).contributes.grammars,
};

function grammarFile(extensions: Extension[], scopeName: string): string | undefined {
  for (const e of extensions) {
    const g = e.grammars.find((c) => c.scopeName === scopeName);
    if (g) return join(e.dir, g.path);
  }
  const vscodeBuiltIns: Record<string, string> = {
    'text.html.markdown': 'markdown.json',
    'text.tex': 'tex.json',
    'text.tex.latex': 'latex.json',
  };
  const file = vscodeBuiltIns[scopeName];
  return file ? join(root, 'node_modules/tm-grammars/grammars', file) : undefined;
}

/**
 * The injections of a scope in VS Code's order (TMGrammarFactory): grammars are registered extension by
 * extension, built-in extensions first (the extension registry's sort), and a scope receives the injections
 * of every prefix of its name, shortest first ("text", "text.html", "text.html.markdown"). vscode-textmate
 * gives a tie between two injections matching at the same position to the earlier one.
 */
function injectionsInVsCodeOrder(extensions: Extension[], scopeName: string): string[] {
  const ordered = [...extensions.filter((e) => e.builtin), ...extensions.filter((e) => !e.builtin)].flatMap((e) => e.grammars);
  const parts = scopeName.split('.');
  return parts.flatMap((_, i) => ordered.filter((g) => g.injectTo?.includes(parts.slice(0, i + 1).join('.'))).map((g) => g.scopeName));
}

const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
const onigLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

async function loadMarkdownGrammar(extensions: Extension[]): Promise<textmate.IGrammar> {
  await onigLoaded;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammarFile(extensions, scopeName);
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => injectionsInVsCodeOrder(extensions, scopeName),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'markdown grammar loads');
  return grammar;
}

interface Span {
  start: number;
  end: number;
  scopes: string[];
}
function tokenize(grammar: textmate.IGrammar, text: string): Span[] {
  const spans: Span[] = [];
  let state = textmate.INITIAL;
  let offset = 0;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens)
      spans.push({ start: offset + t.startIndex, end: offset + Math.min(t.endIndex, line.length), scopes: t.scopes });
    state = r.ruleStack;
    offset += line.length + 1;
  }
  return spans;
}

interface Case {
  name: string;
  source: string;
  expectations: string[];
}
function readCases(file: string): Case[] {
  const text = readFileSync(join(root, 'test/fixtures/grammar', file), 'utf8');
  return text
    .split(/^=== /m)
    .slice(1)
    .map((chunk) => {
      const [head, expect = ''] = chunk.split(/^::: expect\n/m);
      const nl = head.indexOf('\n');
      return {
        name: head.slice(0, nl),
        source: head.slice(nl + 1).replace(/\n+$/, ''),
        expectations: expect.split('\n').filter((l) => l.includes(' ~ ')),
      };
    });
}

function nthIndex(haystack: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = haystack.indexOf(needle, at + 1);
    if (at < 0) break;
  }
  return at;
}

const hasScope = (span: Span, prefix: string) => span.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

function check(spans: Span[], source: string, line: string): string | undefined {
  const sep = line.indexOf(' ~ ');
  const spec = line.slice(0, sep);
  const needle = line.slice(sep + 3);
  const negate = spec.startsWith('!');
  const [scope, nth = '1'] = spec.replace(/^!/, '').split('@');
  const at = nthIndex(source, needle, Number(nth));
  if (at < 0) return `needle not found: ${JSON.stringify(needle)}`;
  for (let i = at; i < at + needle.length; i++) {
    if (source[i] === '\n') continue;
    const span = spans.find((s) => s.start <= i && i < s.end);
    const scopes = span ? span.scopes.join(' ') : '(none)';
    if (!span) return `no token at ${i}`;
    if (hasScope(span, scope) === negate)
      return `${JSON.stringify(source[i])} at ${i} of ${JSON.stringify(needle)}: ${negate ? 'unexpected' : 'missing'} ${scope}; scopes: ${scopes}`;
  }
  return undefined;
}

const cases = readCases('cases.txt');
const coexistenceCases = readCases('coexistence.txt');
// Mathdown alone (VS Code's markdown-math extension disabled) and next to it (VS Code's default).
const setups = [
  { name: 'grammar', grammar: loadMarkdownGrammar([mathdown]), cases },
  {
    name: "grammar with VS Code's markdown-math",
    grammar: loadMarkdownGrammar([mathdown, vscodeMath]),
    cases: [...cases, ...coexistenceCases],
  },
];

test('the fixtures have cases with expectations', () => {
  assert.ok(cases.length >= 25);
  assert.ok(coexistenceCases.length >= 5);
  for (const c of [...cases, ...coexistenceCases]) assert.ok(c.expectations.length > 0, c.name);
});

for (const setup of setups) {
  for (const c of setup.cases) {
    test(`${setup.name}: ${c.name}`, async () => {
      const spans = tokenize(await setup.grammar, c.source);
      const failures = c.expectations.map((e) => check(spans, c.source, e)).filter((f): f is string => f !== undefined);
      assert.deepEqual(failures, []);
    });
  }
}

// Scopes of VS Code's Markdown grammars that Mathdown's injections also use: its markdown-math injections
// exclude the first two (so they never nest inside Mathdown's math), the paragraph rule is Markdown's own
// paragraph begun where a line starts with `$`, and the fence's language name keeps Markdown's scope.
const markdownScopes = [
  'markup.math.block.markdown',
  'markup.math.inline.markdown',
  'meta.paragraph.markdown',
  'fenced_code.block.language.markdown',
];

test('manifest: every injection embeds math as the mathdown-math language and uses mathdown scopes only', () => {
  const injections = contributed.filter((g) => g.injectTo);
  assert.equal(injections.length, 4);
  for (const g of injections) {
    // "text.html" comes first in VS Code's injection order, ahead of built-in injections into text.html.markdown.
    assert.deepEqual(g.injectTo, ['text.html', 'text.html.markdown']);
    const text = readFileSync(join(root, g.path), 'utf8');
    if (text.includes('meta.embedded.math.mathdown'))
      assert.equal(g.embeddedLanguages?.['meta.embedded.math.mathdown'], 'mathdown-math', g.path);
    const names = [...text.matchAll(/"(?:name|contentName)": "([^"]+)"/g)].flatMap((m) => m[1].split(' '));
    for (const n of names) assert.ok(n.endsWith('.mathdown') || markdownScopes.includes(n), `${g.path}: scope ${n}`);
  }
  assert.ok(manifest.contributes.languages.some((l: { id: string }) => l.id === 'mathdown-math'));
});

test('the vendored markdown-math grammars are the ones their manifest contributes, injected into Markdown', () => {
  const injected = vscodeMath.grammars.filter((g) => g.injectTo);
  assert.deepEqual(
    injected.map((g) => g.injectTo),
    [['text.html.markdown'], ['text.html.markdown'], ['text.html.markdown']],
  );
  for (const g of vscodeMath.grammars) assert.equal(readJson(join(vscodeMathDir, g.path)).scopeName, g.scopeName);
  assert.deepEqual(
    injectionsInVsCodeOrder([mathdown, vscodeMath], 'text.html.markdown').slice(0, 4),
    injectionsInVsCodeOrder([mathdown], 'text.html'),
  );
});

test('environment blocks highlighted at block start are environments MathJax knows', () => {
  const block = readJson(join(root, 'syntaxes/mathdown-block.tmLanguage.json'));
  const envs = /\(\?:([^)]*)\)\\\*\?/.exec(block.repository.environment_block.begin)?.[1].split('|') ?? [];
  assert.ok(envs.length >= 7);
  const known = new Set(table.environments.map((e) => e.name));
  for (const e of envs) {
    assert.ok(known.has(e), e);
    assert.ok(known.has(e + '*'), e + '*');
  }
});
