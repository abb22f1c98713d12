// Generates src/core/authoring/texCommands.generated.json (a build product, not committed): every
// control sequence and environment that the configured MathJax TeX packages define, read from
// MathJax's own handler maps. esbuild.mjs runs it before every build.
//   node scripts/gen-completions.mjs          write the table
//   node scripts/gen-completions.mjs --check  exit 1 if the table on disk is stale
// The package list is TEX_PACKAGES from src/core/mathjax/texPackages.ts (bundled with esbuild to read it).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const OUT = join(root, 'src/core/authoring/texCommands.generated.json');
const PACKAGE_LIST = 'src/core/mathjax/texPackages.ts';
const MAX_PROBED_ARGS = 3;

async function texPackages() {
  const result = await esbuild.build({
    stdin: { contents: `export { TEX_PACKAGES, OPTIONAL_TEX_PACKAGES } from './${PACKAGE_LIST}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', result.outputFiles[0].text)(
    mod,
    mod.exports,
    require,
    join(root, PACKAGE_LIST),
    root,
  );
  const packages = mod.exports.TEX_PACKAGES;
  if (!Array.isArray(packages) || packages.length === 0) throw new Error(`${PACKAGE_LIST} does not export a TEX_PACKAGES list`);
  return { packages: [...packages], optional: [...(mod.exports.OPTIONAL_TEX_PACKAGES ?? [])], source: PACKAGE_LIST };
}

function createParser(packages) {
  const { mathjax } = require('mathjax-full/js/mathjax.js');
  const { TeX } = require('mathjax-full/js/input/tex.js');
  const { SVG } = require('mathjax-full/js/output/svg.js');
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
  const { STATE } = require('mathjax-full/js/core/MathItem.js');
  require('mathjax-full/js/input/tex/AllPackages.js');
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  let lastError;
  const tex = new TeX({
    packages,
    formatError: (jax, err) => {
      lastError = err.id;
      return jax.formatError(err);
    },
  });
  const doc = mathjax.document('', { InputJax: tex, OutputJax: new SVG() });
  const userMaps = ['new-Command', 'new-Environment', 'new-Delimiter', 'ams-declare-ops'];
  /** Parses `source` and returns MathJax's error id, or undefined when it parses cleanly. */
  const errorOf = (source) => {
    lastError = undefined;
    try {
      doc.convert(source, { display: true, end: STATE.COMPILED });
    } catch (e) {
      lastError = e?.id ?? 'Exception';
    }
    tex.reset();
    for (const n of userMaps) tex.parseOptions.handlers.retrieve(n)?.map?.clear();
    return lastError;
  };
  return { tex, errorOf };
}

/** Which package each handler map comes from (first package that lists it). */
function mapOwners(packages) {
  const { ConfigurationHandler } = require('mathjax-full/js/input/tex/Configuration.js');
  const owners = new Map();
  for (const p of packages) {
    const handler = ConfigurationHandler.get(p)?.handler ?? {};
    for (const names of Object.values(handler)) for (const n of names) if (!owners.has(n)) owners.set(n, p);
  }
  return owners;
}

function kindOf(map) {
  const cls = map.constructor.name;
  if (cls === 'CharacterMap') return 'symbol';
  if (cls === 'DelimiterMap') return 'delimiter';
  return 'command';
}

/** Number of brace arguments after which `\name` stops reporting a missing argument. */
function probeArgs(errorOf, prefix, suffix = '') {
  for (let n = 0; n <= MAX_PROBED_ARGS; n++) {
    const id = errorOf(prefix + '{x}'.repeat(n) + suffix);
    if (id === undefined) return n;
    if (id !== 'MissingArgFor' && id !== 'MissingCloseBrace') return undefined;
  }
  return undefined;
}

function collect(packages) {
  const { tex, errorOf } = createParser(packages);
  const owners = mapOwners(packages);
  const handlers = tex.parseOptions.handlers;
  const commands = new Map();
  for (const type of ['macro', 'delimiter']) {
    for (const { item: map } of handlers.get(type)._configuration) {
      if (!map.map) continue;
      for (const key of map.map.keys()) {
        const name = key.startsWith('\\') ? key.slice(1) : type === 'macro' ? key : undefined;
        if (!name || !/^[A-Za-z]+$/.test(name) || commands.has(name)) continue;
        const entry = { name, kind: kindOf(map), package: owners.get(map.name) ?? 'base' };
        const symbol = map.lookup(key);
        const char = typeof symbol?.char === 'string' ? symbol.char : undefined;
        if (char && entry.kind !== 'command' && char !== name) entry.char = char;
        commands.set(name, entry);
      }
    }
  }
  for (const entry of commands.values()) {
    if (entry.kind !== 'command' || entry.name === 'begin' || entry.name === 'end') continue;
    const args = probeArgs(errorOf, `\\${entry.name}`);
    if (args) entry.args = args;
  }
  const environments = new Map();
  for (const { item: map } of handlers.get('environment')._configuration) {
    if (!map.map) continue;
    for (const name of map.map.keys()) {
      if (environments.has(name)) continue;
      const entry = { name, package: owners.get(map.name) ?? 'base' };
      const args = probeArgs(errorOf, `\\begin{${name}}`, ` x \\end{${name}}`);
      if (args) entry.args = args;
      environments.set(name, entry);
    }
  }
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { commands: [...commands.values()].sort(byName), environments: [...environments.values()].sort(byName) };
}

/** The table as MathJax and TEX_PACKAGES give it today, as the JSON text written to disk. */
export async function completionTable() {
  const { packages, optional, source } = await texPackages();
  const mathjaxVersion = JSON.parse(readFileSync(require.resolve('mathjax-full/package.json'), 'utf8')).version;
  const always = collect(packages);
  // Each optional package is read on top of the fixed set, and adds what it alone defines (tagged
  // with its name, so completion offers it only when math.packages enables it).
  for (const extra of optional) {
    const withExtra = collect([...packages, extra]);
    const known = (list) => new Set(list.map((e) => e.name));
    const [commands, environments] = [known(always.commands), known(always.environments)];
    always.commands.push(...withExtra.commands.filter((c) => c.package === extra && !commands.has(c.name)));
    always.environments.push(...withExtra.environments.filter((e) => e.package === extra && !environments.has(e.name)));
  }
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const table = {
    generatedBy: 'scripts/gen-completions.mjs',
    mathjax: mathjaxVersion,
    packageListFrom: source,
    packages,
    optionalPackages: optional,
    commands: always.commands.sort(byName),
    environments: always.environments.sort(byName),
  };
  return { table, text: JSON.stringify(table, null, 1) + '\n' };
}

/** Writes the table unless the file already holds it (so that watch builds do not loop); returns whether it wrote. */
export async function writeCompletionTable() {
  const { text } = await completionTable();
  if (existsSync(OUT) && readFileSync(OUT, 'utf8') === text) return false;
  writeFileSync(OUT, text);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { table, text } = await completionTable();
  if (process.argv.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${OUT} is stale: run node scripts/gen-completions.mjs`);
      process.exit(1);
    }
    console.log('texCommands.generated.json is up to date');
  } else {
    writeFileSync(OUT, text);
    console.log(
      `wrote ${table.commands.length} commands, ${table.environments.length} environments (${table.packages.length} packages from ${table.packageListFrom})`,
    );
  }
}
