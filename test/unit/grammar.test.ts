// The math injection grammars of syntaxes/, loaded as VS Code loads them (the manifest's
// contributes.grammars) on top of VS Code's own Markdown and TeX grammars (npm package tm-grammars),
// tokenized with vscode-textmate + vscode-oniguruma, against test/fixtures/grammar/cases.txt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import table from '../../src/core/complete/texCommands.generated.json';

const root = resolve(__dirname, '../../..');
const readJson = (file: string): any => JSON.parse(readFileSync(file, 'utf8'));

interface GrammarContribution { scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string>; language?: string }
const manifest = readJson(join(root, 'package.json'));
const contributed: GrammarContribution[] = manifest.contributes.grammars;

function grammarFile(scopeName: string): string | undefined {
  const own = contributed.find((g) => g.scopeName === scopeName);
  if (own) return join(root, own.path);
  const vscodeBuiltIns: Record<string, string> = { 'text.html.markdown': 'markdown.json', 'text.tex': 'tex.json', 'text.tex.latex': 'latex.json' };
  const file = vscodeBuiltIns[scopeName];
  return file ? join(root, 'node_modules/tm-grammars/grammars', file) : undefined;
}

async function loadMarkdownGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      const file = grammarFile(scopeName);
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'markdown grammar loads');
  return grammar;
}

interface Span { start: number; end: number; scopes: string[] }
function tokenize(grammar: textmate.IGrammar, text: string): Span[] {
  const spans: Span[] = [];
  let state = textmate.INITIAL;
  let offset = 0;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) spans.push({ start: offset + t.startIndex, end: offset + Math.min(t.endIndex, line.length), scopes: t.scopes });
    state = r.ruleStack;
    offset += line.length + 1;
  }
  return spans;
}

interface Case { name: string; source: string; expectations: string[] }
function readCases(): Case[] {
  const text = readFileSync(join(root, 'test/fixtures/grammar/cases.txt'), 'utf8');
  return text.split(/^=== /m).slice(1).map((chunk) => {
    const [head, expect = ''] = chunk.split(/^::: expect\n/m);
    const nl = head.indexOf('\n');
    return { name: head.slice(0, nl), source: head.slice(nl + 1).replace(/\n+$/, ''), expectations: expect.split('\n').filter((l) => l.includes(' ~ ')) };
  });
}

function nthIndex(haystack: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) { at = haystack.indexOf(needle, at + 1); if (at < 0) break; }
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
    if (hasScope(span, scope) === negate) return `${JSON.stringify(source[i])} at ${i} of ${JSON.stringify(needle)}: ${negate ? 'unexpected' : 'missing'} ${scope}; scopes: ${scopes}`;
  }
  return undefined;
}

const cases = readCases();
const grammarPromise = loadMarkdownGrammar();

test('the fixture has cases with expectations', () => {
  assert.ok(cases.length >= 25);
  for (const c of cases) assert.ok(c.expectations.length > 0, c.name);
});

for (const c of cases) {
  test(`grammar: ${c.name}`, async () => {
    const spans = tokenize(await grammarPromise, c.source);
    const failures = c.expectations.map((e) => check(spans, c.source, e)).filter((f): f is string => f !== undefined);
    assert.deepEqual(failures, []);
  });
}

test('manifest: every injection embeds math as the mathdown-math language and uses mathdown scopes only', () => {
  const injections = contributed.filter((g) => g.injectTo);
  assert.equal(injections.length, 4);
  for (const g of injections) {
    assert.deepEqual(g.injectTo, ['text.html.markdown']);
    const text = readFileSync(join(root, g.path), 'utf8');
    if (text.includes('meta.embedded.math.mathdown')) assert.equal(g.embeddedLanguages?.['meta.embedded.math.mathdown'], 'mathdown-math', g.path);
    const names = [...text.matchAll(/"(?:name|contentName)": "([^"]+)"/g)].map((m) => m[1]);
    for (const n of names) assert.ok(n.endsWith('.mathdown') || n === 'fenced_code.block.language.markdown', `${g.path}: scope ${n}`);
  }
  assert.ok(manifest.contributes.languages.some((l: { id: string }) => l.id === 'mathdown-math'));
});

test('environment blocks highlighted at block start are environments MathJax knows', () => {
  const block = readJson(join(root, 'syntaxes/mathdown-block.tmLanguage.json'));
  const envs = /\(\?:([^)]*)\)\\\*\?/.exec(block.repository.environment_block.begin)?.[1].split('|') ?? [];
  assert.ok(envs.length >= 7);
  const known = new Set(table.environments.map((e) => e.name));
  for (const e of envs) { assert.ok(known.has(e), e); assert.ok(known.has(e + '*'), e + '*'); }
});
