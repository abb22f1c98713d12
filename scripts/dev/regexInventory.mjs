#!/usr/bin/env node
// Every regular expression of the project, found by walking the sources (so that a new one is
// picked up without anyone listing it): regex literals and `new RegExp(…)` / `RegExp(…)` calls in
// src/**/*.ts (parsed with TypeScript), and every match/begin/end/while pattern of
// syntaxes/*.tmLanguage.json. Used by test/unit/regexSafety.test.ts.
//   node scripts/dev/regexInventory.mjs          prints the inventory as a table
//   node scripts/dev/regexInventory.mjs --json   prints it as JSON
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

// TypeScript is loaded from the project at run time, so that bundling a test that imports this
// module does not bundle the compiler.
let ts;

function walk(dir, suffix) {
  let out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

/** `const NAME = 'text'` (or a template without substitutions) declared at any level of the file. */
function stringConstants(source) {
  const out = new Map();
  const visit = (node) => {
    const isConst = !!node.parent && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0;
    if (ts.isVariableDeclaration(node) && isConst && ts.isIdentifier(node.name) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) out.set(node.name.text, init.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * The string a RegExp constructor argument evaluates to, as far as it can be known statically:
 * string literals, templates (`String.raw` ones keep their raw text), `+` concatenations and file
 * constants. Anything else becomes `x` and is named in `dynamic`.
 */
function evaluate(node, constants, dynamic) {
  if (ts.isParenthesizedExpression(node)) return evaluate(node.expression, constants, dynamic);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const t = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText ?? t.text;
    let s = t.head.rawText ?? t.head.text;
    for (const span of t.templateSpans) s += evaluate(span.expression, constants, dynamic) + (span.literal.rawText ?? span.literal.text);
    return s;
  }
  if (ts.isTemplateExpression(node)) {
    let s = node.head.text;
    for (const span of node.templateSpans) s += evaluate(span.expression, constants, dynamic) + span.literal.text;
    return s;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return evaluate(node.left, constants, dynamic) + evaluate(node.right, constants, dynamic);
  }
  if (ts.isIdentifier(node) && constants.has(node.text)) return constants.get(node.text);
  dynamic.push(node.getText());
  return 'x';
}

function isRegExpCall(node) {
  return (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

/** Regexes of one TypeScript file. */
export function sourceRegexes(file, root) {
  ts ??= createRequire(resolve(root, 'package.json'))('typescript');
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = stringConstants(source);
  const out = [];
  const where = (node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const slash = literal.lastIndexOf('/');
      out.push({
        id: where(node),
        kind: 'literal',
        code: literal,
        pattern: literal.slice(1, slash),
        flags: literal.slice(slash + 1),
        dynamic: [],
      });
    } else if (isRegExpCall(node) && node.arguments?.length) {
      const dynamic = [];
      const pattern = evaluate(node.arguments[0], constants, dynamic);
      const flagArg = node.arguments[1];
      const flags = flagArg ? evaluate(flagArg, constants, dynamic) : '';
      out.push({ id: where(node), kind: 'constructor', code: node.getText(source).replace(/\s+/g, ' '), pattern, flags, dynamic });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Patterns of one TextMate grammar; `end`/`while` back-references to `begin` are kept as written. */
export function grammarRegexes(file, root) {
  const grammar = JSON.parse(readFileSync(file, 'utf8'));
  const out = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
          out.push({ id: `${relative(root, file)}#${path}.${key}`, kind: 'textmate', code: value, pattern: value, flags: '', dynamic: [] });
        } else visit(value, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(grammar, '');
  return out;
}

/** The whole inventory of the project at `root`. */
export function regexInventory(root) {
  const sources = walk(join(root, 'src'), '.ts').filter((f) => !f.endsWith('.d.ts'));
  const grammars = walk(join(root, 'syntaxes'), '.tmLanguage.json');
  return [...sources.flatMap((f) => sourceRegexes(f, root)), ...grammars.flatMap((f) => grammarRegexes(f, root))];
}

if (/regexInventory\.mjs$/.test(process.argv[1] ?? '')) {
  const root = resolve(dirname(process.argv[1]), '..', '..');
  const all = regexInventory(root);
  if (process.argv.includes('--json')) console.log(JSON.stringify(all, null, 1));
  else {
    for (const r of all)
      console.log(`${r.id}\t${r.kind}\t/${r.pattern}/${r.flags}${r.dynamic.length ? `\t(dynamic: ${r.dynamic.join(', ')})` : ''}`);
    console.log(`${all.length} regexes (${all.filter((r) => r.kind === 'textmate').length} in grammars)`);
  }
}
