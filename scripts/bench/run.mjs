#!/usr/bin/env node
// `npm run bench`: issue 7's performance figures for Mathdown and its peers on a generated ~1 MB
// reference document, as medians of interleaved rounds, each session in a fresh process.
//   node scripts/bench/run.mjs [--rounds 3] [--engines mathdown,markedKatex] [--no-write] [--dir DIR] [--no-folders]
//   node scripts/bench/folders.mjs   (the CLI folder part alone: bench/folders.json, shown in the report)
//   node scripts/bench/run.mjs --report   (rebuild the report from DIR/results.json, e.g. after bench:vscode)
//   MATHDOWN_BENCH_ASSISTIVE_MML=0 node scripts/bench/run.mjs --engines mathdown --no-write
//     (Mathdown without the assistive MathML the preview renders: what it costs, see engines/mathdown.mjs)
// Prints the report and writes it to bench/RESULTS.md (raw numbers to DIR/results.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded, snapshotDist, sourceVersion } from './build.mjs';
import { ENGINES } from './engines/index.mjs';
import { RENDER_OPTIONS } from './engines/mathdown.mjs';
import { repoRoot } from './engines/repo.mjs';
import { environment } from './environment.mjs';
import { DEFAULT_BENCH_DIR, DEFAULT_SEED, writeDocs } from './generateDoc.mjs';
import { formatReport } from './report.mjs';
import { runChild } from './spawnChild.mjs';
import { summarize } from './summarize.mjs';
import { max } from './stats.mjs';
import { FOLDERS_FILE, foldersTable, measureFolders } from './folders.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const rounds = Number(arg('rounds', '3'));
const only = arg('engines')?.split(',');
const dir = path.resolve(arg('dir', DEFAULT_BENCH_DIR));
const write = !process.argv.includes('--no-write');
const EDIT_INDEX = 3000;
const FIRST_SCREEN = 100;

const t0 = Date.now();
const log = (m) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}\n`);
const resultsFile = path.join(dir, 'results.json');

const saved = process.argv.includes('--report') ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : await measureAll();
const { env, doc, raw, build } = saved;
const summary = summarize(raw);
const vscodeFile = path.join(repoRoot, 'bench/vscode.json');
const vscode = fs.existsSync(vscodeFile) ? JSON.parse(fs.readFileSync(vscodeFile, 'utf8')) : undefined;
const folders = fs.existsSync(FOLDERS_FILE) ? JSON.parse(fs.readFileSync(FOLDERS_FILE, 'utf8')) : undefined;
const notes = buildNotes(summary, raw, env, build);
const report = formatReport({ env, doc, rounds: saved.rounds, summary, vscode, notes, phases: raw.phases?.phases, hostile: summary.hostile, saveLint: raw.saveLint, wallSeconds: saved.wallSeconds, folders: folders ? foldersTable(folders) + `\nMeasured ${folders.date}, load average ${folders.load} on ${folders.cpus} CPUs.\n` : '' });
process.stdout.write(`\n${report}`);
if (write && !saved.only) {
  fs.mkdirSync(path.join(repoRoot, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'bench/RESULTS.md'), report);
  log('wrote bench/RESULTS.md');
} else if (write) {
  log('--engines given: bench/RESULTS.md left unchanged');
}

async function measureAll() {
  const env = environment();
  const build = buildIfNeeded();
  log(build.message);
  process.env.MATHDOWN_BENCH_DIST = snapshotDist(path.join(dir, 'dist'));
  env.source = sourceVersion();
  const docs = writeDocs(dir, { seed: DEFAULT_SEED });
  const refText = fs.readFileSync(docs.reference.file, 'utf8');
  const doc = { ...docs.reference, seed: DEFAULT_SEED, labels: (refText.match(/\\label\{/g) ?? []).length };
  log(`reference: ${doc.bytes} bytes, ${doc.count} formulas (${doc.display} display) in ${dir}`);

  const engines = ENGINES.filter((e) => !only || only.includes(e.id));
  const withMathdown = engines.some((e) => e.id === 'mathdown');
  const raw = { sessions: {}, firstScreen: { cold: [], warm: [] }, activation: [], hostile: [], reopen: [] };
  const cacheFile = path.join(dir, 'mathdown-cache.json');
  const child = path.join(here, 'child.mjs');
  const brief = (r) => (r.error ? `ERROR ${r.error}` : Object.entries(r).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}=${Math.round(v)}`).join(' '));
  for (let round = 0; round < rounds; round++) {
    const order = engines.map((_, i) => engines[(i + round) % engines.length]);
    for (const e of order) {
      const saveCache = e.id === 'mathdown' ? { saveCache: cacheFile } : {};
      const r = await runChild(child, [e.id, 'session', dir, JSON.stringify({ ...e.session, editIndex: EDIT_INDEX, ...saveCache })]);
      (raw.sessions[e.id] ??= []).push(r);
      log(`round ${round + 1}/${rounds} ${e.id}: ${brief(r)}${r.editMs ? ` edits=${r.editMs.map(Math.round).join(',')}` : ''}`);
    }
    if (!withMathdown) continue;
    const reopened = await runChild(child, ['mathdown', 'reopen', dir, JSON.stringify({ cacheFile })]);
    raw.reopen.push(reopened);
    log(`round ${round + 1}/${rounds} reopen with the saved cache: ${brief(reopened)}`);
    for (const warmWorker of [false, true]) {
      const r = await runChild(child, ['mathdown', 'firstScreen', dir, JSON.stringify({ first: FIRST_SCREEN, warmWorker })]);
      raw.firstScreen[warmWorker ? 'warm' : 'cold'].push(r);
      log(`round ${round + 1}/${rounds} first screen (${warmWorker ? 'worker running' : 'cold'}): ${brief(r)}`);
    }
    const a = await runChild(path.join(here, 'activationChild.mjs'), [], { nodeArgs: [] });
    raw.activation.push(a);
    log(`round ${round + 1}/${rounds} activation: ${brief(a)}`);
    const h = await runChild(child, ['mathdown', 'hostile', dir]);
    raw.hostile.push(h);
    log(`round ${round + 1}/${rounds} hostile formulas: ${h.error ?? h.cases.map((c) => `${c.outcome} ${Math.round(c.ms)}`).join(', ')}`);
  }
  if (withMathdown && !process.argv.includes('--no-folders')) {
    const folders = { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), ...(await measureFolders(dir, log)), load: environment().load, cpus: env.cpus };
    fs.mkdirSync(path.dirname(FOLDERS_FILE), { recursive: true });
    fs.writeFileSync(FOLDERS_FILE, JSON.stringify(folders, null, 1));
  }
  if (withMathdown) {
    raw.saveLint = await runChild(child, ['mathdown', 'saveLint', dir, JSON.stringify({ editIndex: EDIT_INDEX })]);
    log(`save → diagnostics: ${raw.saveLint.error ?? raw.saveLint.saves.map((x) => `${x.what} ${Math.round(x.ms)} ms (full lint ${Math.round(x.fullLintMs)} ms)`).join(', ')}`);
    raw.phases = await runChild(child, ['mathdown', 'phases', dir]);
    log(`phases of a warm Mathdown re-render: ${raw.phases.error ?? JSON.stringify(raw.phases.phases, (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
  }
  env.loadEnd = environment().load;
  const result = { env, doc, raw, build, rounds, only, wallSeconds: (Date.now() - t0) / 1000 };
  fs.writeFileSync(resultsFile, JSON.stringify(result, null, 1));
  return result;
}

function buildNotes(s, rawData, env, build) {
  const n = [];
  const md = s.engines.mathdown;
  if (build && !build.ok) n.push(`Build: ${build.message}.`);
  n.push('Peers are configured as their users do: the VS Code peer exactly as extensions/markdown-math (`enableFencedBlocks`, `globalGroup: true`, macro table reset per render); texmath with `delimiters: \'dollars\'`; the KaTeX peers share KaTeX 0.16.47, `throwOnError: false`, and the same per-render macro table so that the `\\newcommand` preamble works. The replaced pipeline runs Marked, then MathJax 3.2.2\'s page handler over the HTML (`inlineMath` `$…$` and `\\(…\\)`, Mathdown\'s TeX package list, SVG with `fontCache: \'local\'`).');
  n.push(`Mathdown is called through \`MathdownRenderer.render(text, ${JSON.stringify(RENDER_OPTIONS)})\`, as its preview renders (engines/mathdown.mjs), with its typesetting worker started (\`startTypesetWorker\`) before the core is loaded, as the extension's LazyRenderer does. Mathdown bundles MathJax 3.2.2 from its TypeScript source (mathjax-full/ts, same output byte for byte); the replaced pipeline uses the published ES5 build (mathjax-full/js), as its users do.`);
  n.push('KaTeX has no `\\label`/`\\eqref`: the KaTeX peers show those formulas as red error text (still counted as typeset). Bare `\\begin{align}` blocks outside `$$` are text for them.');
  n.push('A peer has no formula cache: its "1-char edit" is a full render of the edited text, and its warm full render (target 1\'s basis) is the median of all renders after the cold one.');
  const cacheStats = (rawData.sessions.mathdown ?? []).filter((r) => r.edit).map((r) => `${r.edit.hits}/${r.edit.misses}`);
  if (cacheStats.length) n.push(`Mathdown's last edit render per round reported cache hits/misses of ${cacheStats.join(', ')} (${md.math} formulas; an ideal edit is ${md.math - 1}/1).`);
  const missing = (rawData.sessions.mathdown ?? []).filter((r) => r.edit && r.edit.misses > 1);
  if (missing.length) n.push(`In ${missing.length} round(s) an edit re-typeset up to ${Math.max(...missing.map((r) => r.edit.misses))} formulas: the typesetter's cache did not keep this document's formulas from one render to the next (probably its size bound: the document has ${md.htmlMB?.toFixed(0)} MB of typeset HTML, and an LRU smaller than that, filled in document order, evicts each entry before it is reused).`);
  const fi = s.firstInfo;
  if (fi) {
    n.push(fi.method === 'firstScreen'
      ? `Target 3: the whole reference document rendered as the preview opens it, \`render(text, { ...options, firstScreen: { fromLine: 0, toLine: ${fi.toLine}, onResult } })\` (lines up to formula #${FIRST_SCREEN}), timed until \`onResult\` gets the provisional first screen: ${fi.out?.typeset ?? '?'} formulas typeset, ${fi.out?.pending ?? '?'} below it shown as TeX, the rest still being typeset — in a fresh process (load, worker start and MathJax load included) and, for information (3b), with the worker already running.`
      : `Target 3: measured as rendering the document prefix that ends after the block of formula #${FIRST_SCREEN} (${fi.prefixFormulas} formulas, ${(fi.prefixBytes / 1024).toFixed(1)} KB) — in a fresh process (load, worker start and MathJax load included) and, for information (3b), with the worker already running.`);
  }
  const a = s.activation;
  if (a) n.push(`Target 5: require ${a.requireMs.toFixed(1)} ms + activate ${a.activateMs.toFixed(1)} ms (first round), dist/extension.js ${Math.round(a.bundleKB)} KB, MathJax in the extension bundle: ${a.mathjaxInBundle ? 'yes' : 'no'}, workers started by activate: ${a.workersStarted}. Measured with a fake \`vscode\` module in a fresh process, so VS Code's own extension-host overhead is not included.`);
  const rss = max(Object.values(rawData.sessions).flat().map((r) => r.rssPeakMB));
  if (rss) n.push('RSS is the process high-water mark (`process.resourceUsage().maxRSS`), which includes Mathdown\'s typesetting worker thread.');
  const loads = [env.load, env.loadEnd].map((l) => Number(l.split(' ')[0]));
  if (Math.max(...loads) > env.cpus) n.push(`The machine was busy (load average ${env.load} → ${env.loadEnd} on ${env.cpus} CPUs): absolute times are inflated; rounds are interleaved so that the ratios stay comparable.`);
  return n;
}
