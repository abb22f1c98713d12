// Formats a benchmark summary as Markdown (printed, and written to bench/RESULTS.md).
import { ENGINES } from './engines/index.mjs';

const ms = (v) => (v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = (v) => (v === undefined ? '–' : `${Math.round(v)} MB`);
const x = (v) => (v === undefined ? '–' : `${v < 0.1 ? v.toFixed(3) : v.toFixed(2)}×`);
const label = (id) => ENGINES.find((e) => e.id === id)?.short ?? id;

function engineTable(engines) {
  const cols = ENGINES.map((e) => e.id);
  const row = (name, f) => `| ${name} | ${cols.map((id) => f(engines[id])).join(' | ')} |`;
  return [
    `| figure | ${cols.map(label).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    row('load (require + setup)', (e) => ms(e.loadMs)),
    row('**cold full render** (fresh process, load included)', (e) => ms(e.coldMs)),
    row('re-render, same text', (e) => ms(e.warmMs)),
    row('**1-char edit in formula → HTML**', (e) => ms(e.editMs)),
    row('peak RSS (cold render + edits)', (e) => mb(e.rssPeakMB)),
    row('formulas typeset (cold)', (e) => (e.math === undefined ? '–' : `${e.math}${e.errors ? ` (${e.errors} TeX errors)` : ''}`)),
    row('HTML size', (e) => (e.htmlMB === undefined ? '–' : `${e.htmlMB.toFixed(1)} MB`)),
    row('rounds measured', (e) => (e.rounds ? String(e.rounds) : `not measured: ${e.error ?? 'no run'}`)),
  ].join('\n');
}

function targetTable(targets, vscode) {
  const lines = ['| # | target | Mathdown | compared with | ratio | limit | verdict |', '|---|---|---:|---|---:|---:|---|'];
  for (const t of targets) {
    const value = t.unit === 'MB' ? mb(t.value) : ms(t.value);
    const base = t.base ? `${ms(t.base.ms)} (${label(t.base.id)}; ${t.basis})` : t.basis;
    const limit = t.limit === undefined ? '–' : t.unit === 'MB' ? `${t.limit} MB` : t.unit === 'ms' ? `${t.limit} ms` : `${t.limit}×`;
    const verdict = t.info ? `${t.pass} (info)` : t.pass;
    lines.push(`| ${t.n} | ${t.what}${t.note ? ` (${t.note})` : ''} | ${value} | ${base} | ${x(t.ratio)} | ${limit} | ${verdict} |`);
  }
  if (vscode?.builtin) {
    // Only the cases with keystrokes (bench:vscode's `settled` and `huge` rows time the first open only).
    const docs = Object.entries(vscode.builtin).filter(([, b]) => b.ms !== undefined);
    const cells = docs.map(([doc, b]) => {
      const m = vscode.mathdown?.[doc];
      const r = m?.ms !== undefined && b.ms ? m.ms / b.ms : undefined;
      return `${doc}: Mathdown ${ms(m?.ms)} vs built-in ${ms(b.ms)} (${x(r)})`;
    });
    lines.push(`| 6 | keystroke in formula → preview DOM updated, real VS Code (\`npm run bench:vscode\`, ${vscode.date}) | ${cells.join('; ')} | VS Code's built-in Markdown preview | | note ≤ 0.5×, reference ≤ 0.05× | ${vscode.verdict ?? 'see bench/RESULTS-vscode.md'} |`);
  } else {
    lines.push('| 6 | keystroke in formula → preview DOM updated, real VS Code | – | VS Code built-in preview | – | | run `npm run bench:vscode` |');
  }
  return lines.join('\n');
}

function phaseTable(p) {
  if (!p) return '';
  const rest = p.typesetMs ?? p.typesetHitsMs;
  // A renderer that reuses earlier work (incremental re-lexing) re-renders for less than the stages
  // cost from scratch; then the stages are only the from-scratch costs and there is no "rest".
  const incremental = rest < 0;
  const share = (v) => (incremental ? '' : `${Math.round((100 * v) / p.warmRenderMs)} %`);
  const rows = [
    ['`parseMarkdown` (Marked lexer + math scanner, whole document)', p.parseMs],
    ['`topLevelBlocks`', p.topLevelBlocksMs],
    [`\`renderHtml\` once per block (${p.blocks} blocks, ${p.tokens} tokens)`, p.perBlockHtmlMs],
    ['SHA-1 block keys', p.hashMs],
  ];
  if (!incremental) rows.push([`typesetter (the rest${p.hits !== undefined ? `: ${p.hits} cache hits, ${p.misses} misses` : ''})`, rest]);
  return `
## Where a warm Mathdown re-render goes (one process, informational)

A re-render of the unchanged reference document took ${ms(p.warmRenderMs)}${p.hits !== undefined ? ` (${p.hits} cache hits, ${p.misses} misses)` : ''}. ${incremental
    ? 'The renderer reuses work between renders, so it beat the from-scratch cost of its stages; these are what each stage costs when run from scratch through the core\'s public exports:'
    : 'The stages, timed one by one through the core\'s public exports:'}

| stage | time | share |
|---|---:|---:|
${rows.map(([name, v]) => `| ${name} | ${ms(v)} | ${share(v)} |`).join('\n')}
| for comparison: \`renderHtml\` of the whole document in one call | ${ms(p.wholeDocHtmlMs)} | |
`;
}

function hostileTable(h) {
  if (!h) return '';
  return `
## Hostile formulas (issue 2: an error box within 2 s while the other formulas render)

Each formula as display math between four normal ones, rendered with the production limits (length cap, per-formula time budget) by a renderer whose worker is already running; timed until the whole result is in. Median of ${h.rounds} round(s); worst case ${ms(h.worst)} against a limit of 2000 ms: **${h.pass}**.

| formula | characters | outcome | time | other 4 typeset |
|---|---:|---|---:|---|
${h.cases.map((c) => `| ${c.name.replace(/\|/g, '\\|')} | ${c.chars} | ${c.outcome} | ${ms(c.ms)} | ${c.allTypeset ? 'yes' : 'NO'} |`).join('\n')}
`;
}

function saveLintTable(r) {
  if (!r) return '';
  if (r.error) return `\n## Save → diagnostics (issue 18)\n\nNot measured: ${r.error}\n`;
  const worst = Math.max(...r.saves.map((x) => x.ms));
  return `
## Save → diagnostics (issue 18)

The reference document linted as the extension lints on save (\`lintDocument\` with the renderer's formulas, the shared parses and the lint worker, whose incremental lint re-checks only the pieces that changed), after it was linted once as on open (${ms(r.openMs)}, ${r.diagnostics} diagnostics, every formula typeset cold). Each edit is saved and timed until its diagnostics are back; "full lint" is the same text linted whole in one thread, what a save cost before. This is the core alone, in a Node process (no VS Code): what a user gets, save to Problems panel updated in the real VS Code, is timed by \`npm run bench:vscode\` (bench/RESULTS-vscode.md). Target: under 1 s — worst ${ms(worst)}: **${worst < 1000 ? 'PASS' : 'FAIL'}**.

| edit saved | save → diagnostics | full lint | diagnostics |
|---|---:|---:|---:|
${r.saves.map((x) => `| ${x.what} | ${ms(x.ms)} | ${ms(x.fullLintMs)} | ${x.diagnostics} |`).join('\n')}
`;
}

export function formatReport({ env, doc, rounds, summary, vscode, notes, phases, hostile, saveLint, wallSeconds, folders = '' }) {
  const { engines, targets } = summary;
  return `# Mathdown benchmark (issue 7)

Generated by \`npm run bench\` (scripts/bench/run.mjs); ${wallSeconds ? `took ${Math.round(wallSeconds)} s; ` : ''}medians of ${rounds} interleaved rounds, every session in a fresh process.
Ratios are the result; absolute times depend on the machine and its load.

**Measured:** Mathdown at ${env.source} (one build, snapshot of dist/ for the whole run). **Environment:** Node ${env.node}, ${env.cpu}, ${env.cpus} CPUs, ${env.memGB} GB RAM, ${env.os}; ${env.date}; load average at start ${env.load}${env.loadEnd ? `, at end ${env.loadEnd}` : ''}.

**Reference document:** generated lecture notes (seed ${doc.seed}): ${(doc.bytes / 1e6).toFixed(2)} MB, ${doc.count} formulas (${doc.display} display), tables, lists, quotes, aligned/cases/matrix environments, a \`\\newcommand\` preamble, ${doc.labels} labelled equations and \`\\eqref\`s. Edit: one digit changed inside formula #${Object.values(engines).find((e) => e.editFormula !== undefined)?.editFormula ?? '–'} (0-based, document order).

## Targets

${targetTable(targets, vscode)}

## All figures

${engineTable(engines)}

${phaseTable(phases)}${hostileTable(hostile)}${saveLintTable(saveLint)}${folders}
## Notes

${notes.map((n) => `- ${n}`).join('\n')}
`;
}
