// One measurement in a fresh process (so that "cold" is cold and peak RSS belongs to one engine):
//   node --expose-gc child.mjs ENGINE session     DIR '{"warm":1,"edits":3,"editIndex":3000}'
//   node --expose-gc child.mjs ENGINE firstScreen DIR '{"first":100,"warmWorker":false}'
//   node --expose-gc child.mjs mathdown phases DIR   (stage-by-stage cost of a warm re-render)
//   node --expose-gc child.mjs mathdown hostile DIR  (each pathological formula among normal ones)
//   node --expose-gc child.mjs mathdown reopen DIR   (full render with the formula cache a previous session saved)
//   node --expose-gc child.mjs mathdown saveLint DIR (save → diagnostics, as the extension lints on save)
// Prints one line `RESULT {json}` on stdout. Times are ms from performance.now().
import fs from 'node:fs';
import path from 'node:path';
import { editTarget, editedTexts, prefixWithFormulas } from './docEdits.mjs';
import { documentWith, HOSTILE_TEX } from './hostileTex.mjs';

const [engineName, task, dir, optsJson] = process.argv.slice(2);
const opts = JSON.parse(optsJson || '{}');
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;
const gc = () => globalThis.gc?.();

function summary(out) {
  if (typeof out === 'string') return { htmlBytes: out.length, math: engine.countMath(out) };
  return { htmlBytes: out.html.length, math: out.formulas, errors: out.errors, blocks: out.blocks, hits: out.stats.hits, misses: out.stats.misses };
}

const engine = await import(`./engines/${engineName}.mjs`);
const text = fs.readFileSync(path.join(dir, `${opts.doc ?? 'reference'}.md`), 'utf8');
const formulas = JSON.parse(fs.readFileSync(path.join(dir, `${opts.doc ?? 'reference'}.formulas.json`), 'utf8'));
const result = { engine: engineName, task };

async function session() {
  const t0 = performance.now();
  const instance = engine.create();
  result.loadMs = performance.now() - t0;
  const cold = await instance.render(text);
  result.coldMs = performance.now() - t0;
  result.cold = summary(cold);
  result.rssColdMB = maxRssMB();
  result.warmMs = [];
  for (let k = 0; k < (opts.warm ?? 1); k++) {
    gc();
    const t = performance.now();
    await instance.render(text);
    result.warmMs.push(performance.now() - t);
  }
  const target = editTarget(text, formulas, opts.editIndex ?? 3000);
  result.editFormula = target.formulaIndex;
  result.editMs = [];
  for (const edited of editedTexts(text, target, opts.edits ?? 3)) {
    gc();
    const t = performance.now();
    const out = await instance.render(edited);
    result.editMs.push(performance.now() - t);
    result.edit = summary(out);
  }
  result.rssPeakMB = maxRssMB();
  if (opts.saveCache && instance.serializeCache) {
    const t = performance.now();
    const saved = instance.serializeCache();
    result.cacheSaveMs = performance.now() - t;
    result.cacheFileMB = saved.length / 1e6;
    fs.writeFileSync(opts.saveCache, saved);
  }
  await instance.dispose?.();
}

/** A new session reopening the document: the cache file read and restored, then the full render (all timed). */
async function reopen() {
  const t0 = performance.now();
  const instance = engine.create();
  const restored = instance.loadCache(fs.readFileSync(opts.cacheFile, 'utf8'));
  const out = await instance.render(text);
  result.ms = performance.now() - t0;
  result.restored = await restored;
  result.out = summary(out);
  result.rssPeakMB = maxRssMB();
  await instance.dispose?.();
}

/**
 * The first screen: the whole document rendered with the first `first` formulas (in document
 * order) as the visible range, timed until that part is ready — through the core's firstScreen
 * API where the engine has one, else as a render of the document prefix holding them.
 */
async function firstScreen() {
  const n = opts.first ?? 100;
  const prefix = prefixWithFormulas(text, formulas, n);
  const last = formulas[Math.min(n, formulas.length) - 1];
  const toLine = text.slice(0, last.end).split('\n').length;
  result.prefixFormulas = prefix.formulas;
  result.prefixBytes = prefix.text.length;
  const t0 = performance.now();
  const instance = engine.create();
  result.visibleRangeApi = instance.visibleRangeApi ?? [];
  if (opts.warmWorker) {
    await instance.render('Warm-up $y$.\n');
    gc();
  }
  const t1 = performance.now();
  const out = instance.renderFirstScreen ? await instance.renderFirstScreen(text, toLine) : await instance.render(prefix.text);
  const t2 = performance.now();
  result.method = instance.renderFirstScreen ? 'firstScreen' : 'prefix';
  result.toLine = toLine;
  result.ms = opts.warmWorker ? t2 - t1 : t2 - t0;
  result.out = summary(out);
  if (instance.renderFirstScreen) {
    result.out.typeset = out.typeset;
    result.out.pending = out.pending;
    if (out.typeset < n) throw new Error(`the first screen holds ${out.typeset} typeset formulas, fewer than the ${n} asked for`);
  }
  await instance.dispose?.();
}

/**
 * Where Mathdown's re-render time goes, stage by stage, through the core's public exports (the
 * same calls MathdownRenderer.render makes); the typesetter's share is the rest of the re-render.
 */
async function phases() {
  const { distDir, requireFromRepo } = await import('./engines/repo.mjs');
  const { createHash } = await import('node:crypto');
  const core = requireFromRepo(path.join(distDir, 'core.js'));
  const instance = engine.create();
  await instance.render(text);
  gc();
  const t = performance.now();
  const warm = await instance.render(text);
  const total = performance.now() - t;
  const stage = (fn) => { gc(); const s = performance.now(); const v = fn(); return [v, performance.now() - s]; };
  const math = { ...core.DEFAULT_MATH_OPTIONS };
  const [doc, parseMs] = stage(() => core.parseMarkdown(text, math));
  const [blocks, blocksMs] = stage(() => core.topLevelBlocks(doc));
  const [htmls, perBlockHtmlMs] = stage(() => blocks.map((block) => core.renderHtml(doc, () => '', { block })));
  const [, wholeHtmlMs] = stage(() => core.renderHtml(doc, () => ''));
  const [, hashMs] = stage(() => htmls.map((h) => createHash('sha1').update(h).digest('base64url')));
  result.phases = {
    warmRenderMs: total, parseMs, topLevelBlocksMs: blocksMs, perBlockHtmlMs, wholeDocHtmlMs: wholeHtmlMs, hashMs,
    typesetMs: total - parseMs - blocksMs - perBlockHtmlMs - hashMs, blocks: blocks.length, tokens: doc.tokens.length,
    hits: warm.stats?.hits, misses: warm.stats?.misses,
  };
  await instance.dispose?.();
}

/**
 * Issue 2's worst case: each pathological formula between four normal ones, rendered by a renderer
 * with the production limits, timed until the whole result (its error box and the others typeset).
 */
async function hostile() {
  const instance = engine.create();
  await instance.render('Warm-up $y$.\n');
  result.cases = [];
  for (const [name, tex] of HOSTILE_TEX) {
    const t = performance.now();
    const out = await instance.renderResult(documentWith(tex));
    const ms = performance.now() - t;
    const others = out.formulas.filter((f, i) => i !== 2 && !f.error).length;
    result.cases.push({ name, chars: tex.length, ms, outcome: out.formulas[2]?.error?.id ?? 'typeset', othersTypeset: others });
  }
  await instance.dispose?.();
}

/**
 * Save → diagnostics as the extension runs it (LintController.lint): `lintDocument` with the
 * renderer's formulas (MathJax errors), the shared parses and the lint worker. The document is
 * linted once as on open; then each edit (a digit in a formula; a line inserted near the top) is
 * "saved" and timed until the diagnostics are back. For comparison, a full lint of the same text
 * in one thread (what every save cost before incremental lint).
 */
async function saveLint() {
  const { distDir, requireFromRepo } = await import('./engines/repo.mjs');
  const core = requireFromRepo(path.join(distDir, 'core.js'));
  const renderer = new core.MathdownRenderer({ workerFile: path.join(distDir, 'typesetWorker.js') });
  const worker = new core.LintWorkerClient(path.join(distDir, 'lintWorker.js'));
  const parses = new core.ParseCache();
  const settings = core.parseSettings(undefined).settings;
  const deps = { renderer, parses, worker, documentKey: 'bench' };
  let t = performance.now();
  const first = await core.lintDocument(text, settings, deps);
  result.openMs = performance.now() - t;
  result.diagnostics = first.length;
  const target = editTarget(text, formulas, opts.editIndex ?? 3000);
  const edits = editedTexts(text, target, opts.edits ?? 3).map((edited) => ['formula digit', edited]);
  const line = text.indexOf('\n\n', 2000) + 2;
  edits.push(['line inserted near the top', `${text.slice(0, line)}A new line.\n\n${text.slice(line)}`]);
  result.saves = [];
  for (const [what, edited] of edits) {
    gc();
    t = performance.now();
    const d = await core.lintDocument(edited, settings, deps);
    const ms = performance.now() - t;
    const fullT = performance.now();
    core.lint(edited, { math: settings.math, rules: settings.lint.rules, targets: settings.lint.targets, formulas: await renderer.formulas(edited, { math: settings.math, fontCache: 'global', documentKey: 'bench' }) });
    result.saves.push({ what, ms, fullLintMs: performance.now() - fullT, diagnostics: d.length });
  }
  result.rssPeakMB = maxRssMB();
  await Promise.all([worker.dispose(), renderer.dispose()]);
}

try {
  if (task === 'session') await session();
  else if (task === 'saveLint') await saveLint();
  else if (task === 'hostile') await hostile();
  else if (task === 'reopen') await reopen();
  else if (task === 'firstScreen') await firstScreen();
  else if (task === 'phases') await phases();
  else throw new Error(`unknown task ${task}`);
} catch (e) {
  result.error = String(e?.message ?? e);
}
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
