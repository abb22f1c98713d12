// The CLI over whole folders (issue 18): `mathdown lint` and `mathdown export --out-dir` in one
// process with one worker per core against `--jobs 1`, and against one `mathdown export FILE`
// process per file; wall time, files per second and peak RSS. Each run is a fresh process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDoc } from './generateDoc.mjs';
import { distDir, repoRoot } from './engines/repo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Generated documents: a documentation site's worth of short pages. */
const GENERATED = 300;
const GENERATED_BYTES = 6_000;
/** One process per file is measured on this many files of a folder (each run starts MathJax anew, so it scales per file). */
const PER_FILE_SAMPLE = 12;
/**
 * `--jobs 1` alone still uses more than one core (the main thread reads and lints while the worker
 * typesets, and V8 collects garbage on threads of its own), so the one-core baseline is that run
 * pinned to one CPU with taskset, where the machine has it.
 */
const ONE_CORE = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The real documents: ../shared/corpus beside the clone, or MATHDOWN_CORPUS. */
export function findCorpus() {
  const candidates = [process.env.MATHDOWN_CORPUS, path.resolve(repoRoot, '../shared/corpus'), path.resolve(repoRoot, '../../shared/corpus')];
  return candidates.find((c) => c && fs.existsSync(c));
}

function writeGenerated(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < GENERATED; i++) {
    const sub = path.join(dir, `part${String(i % 10)}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `page${String(i).padStart(3, '0')}.md`), generateDoc({ bytes: GENERATED_BYTES, seed: 1000 + i }).text);
  }
  return dir;
}

function mdFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...mdFiles(p));
    else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p);
  }
  return out;
}

/** Runs the snapshot's dist/cli.js; resolves with wall ms, CPU ms (user + system of the process tree's leader), peak RSS MB. */
function runCli(args, scratch, { oneCore = false } = {}) {
  const rssFile = path.join(scratch, `rss-${process.pid}-${Date.now()}`);
  const node = [process.execPath, '--require', path.join(here, 'rssOnExit.cjs'), path.join(distDir, 'cli.js'), ...args];
  const [command, ...commandArgs] = oneCore ? ['taskset', '-c', '0', ...node] : node;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MATHDOWN_BENCH_RSS_FILE: rssFile, CI: '1' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let rssMB;
      try {
        rssMB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
        fs.rmSync(rssFile);
      } catch {
        /* the process died before exit */
      }
      resolve({ ms, code, rssMB, ...(code !== 0 && code !== 1 ? { error: err.trim().split('\n').slice(-2).join(' | ') } : {}) });
    });
  });
}

/** Rounds of every configuration per folder; the median run is reported. */
const FOLDER_ROUNDS = 3;

/** Measures one folder; `files` are its Markdown files (the corpus' README aside). */
async function measureFolder(name, files, scratch, jobs, log, rounds) {
  const out = path.join(scratch, `out-${name}`);
  const result = { name, files: files.length, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0), runs: {} };
  const samples = {};
  const run = async (label, args, options) => {
    fs.rmSync(out, { recursive: true, force: true });
    const r = await runCli(args, scratch, options);
    (samples[label] ??= []).push(r);
    log(`folders ${name} ${label}: ${r.error ? `ERROR ${r.error}` : `${(r.ms / 1000).toFixed(1)} s, ${(files.length / (r.ms / 1000)).toFixed(1)} files/s, peak RSS ${Math.round(r.rssMB)} MB`}`);
  };
  // N and 1 interleaved, round after round, so that a change in the machine's load falls on all;
  // each configuration's run of median time is reported (a single run moves by a tenth with the load).
  for (let round = 0; round < rounds; round++) {
    for (const cmd of ['lint', 'export']) {
      const args = cmd === 'lint' ? ['lint', ...files] : ['export', ...files, '--out-dir', out];
      await run(`${cmd} --jobs ${jobs}`, [...args, '--jobs', String(jobs)]);
      await run(`${cmd} --jobs 1`, [...args, '--jobs', '1']);
      if (ONE_CORE) await run(`${cmd} --jobs 1, one core`, [...args, '--jobs', '1'], { oneCore: true });
    }
  }
  for (const [label, runs] of Object.entries(samples)) {
    const failed = runs.find((r) => r.error);
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    result.runs[label] = failed ?? { ...sorted[(sorted.length - 1) >> 1], samples: runs.map((r) => Math.round(r.ms)) };
  }
  const sample = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / PER_FILE_SAMPLE)) === 0).slice(0, PER_FILE_SAMPLE);
  fs.mkdirSync(out, { recursive: true });
  let perFileMs = 0;
  let peak = 0;
  for (const [i, f] of sample.entries()) {
    const r = await runCli(['export', f, '-o', path.join(out, `${i}.html`)], scratch);
    perFileMs += r.ms;
    peak = Math.max(peak, r.rssMB ?? 0);
  }
  result.perFile = { sample: sample.length, msPerFile: perFileMs / sample.length, rssMB: peak };
  log(`folders ${name} one process per file: ${Math.round(perFileMs / sample.length)} ms a file (${sample.length} files)`);
  fs.rmSync(out, { recursive: true, force: true });
  return result;
}

export async function measureFolders(dir, log, rounds = FOLDER_ROUNDS) {
  const jobs = os.availableParallelism();
  const scratch = path.join(dir, 'folders');
  fs.mkdirSync(scratch, { recursive: true });
  const folders = [];
  const corpus = findCorpus();
  if (corpus) folders.push(await measureFolder('corpus', mdFiles(corpus), scratch, jobs, log, rounds));
  else log('folders: no ../shared/corpus (set MATHDOWN_CORPUS); only the generated folder is measured');
  const generated = writeGenerated(path.join(scratch, 'generated'));
  folders.push(await measureFolder('generated', mdFiles(generated), scratch, jobs, log, rounds));
  return { jobs, rounds, corpus, folders };
}

/** The report's section: throughput and the targets' ratios (≥ 1.7× N cores vs 1, ≥ 5× vs a process per file). */
export function foldersTable(f) {
  if (!f) return '';
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const rows = [];
  for (const d of f.folders) {
    for (const cmd of ['lint', 'export']) {
      const many = d.runs[`${cmd} --jobs ${f.jobs}`];
      const one = d.runs[`${cmd} --jobs 1`];
      if (!many || !one || many.error || one.error) {
        rows.push(`| ${d.name} | ${cmd} | ${many?.error ?? one?.error ?? 'not measured'} | | | | | | |`);
        continue;
      }
      const pinned = d.runs[`${cmd} --jobs 1, one core`];
      const base = pinned && !pinned.error ? pinned : one;
      const cores = base.ms / many.ms;
      const perFile = cmd === 'export' && d.perFile ? (d.perFile.msPerFile * d.files) / many.ms : undefined;
      rows.push(
        `| ${d.name} (${d.files} files, ${(d.bytes / 1e6).toFixed(2)} MB) | ${cmd} | ${s(many.ms)} (${(d.files / (many.ms / 1000)).toFixed(1)} files/s) | ${s(one.ms)} | ${pinned && !pinned.error ? s(pinned.ms) : 'not measured'} | **${cores.toFixed(2)}×** ${cores >= 1.7 ? 'PASS' : 'FAIL'} | ${perFile === undefined ? '–' : `${s(d.perFile.msPerFile * d.files)} (${Math.round(d.perFile.msPerFile)} ms × ${d.files}) → **${perFile.toFixed(1)}×** ${perFile >= 5 ? 'PASS' : 'FAIL'}`} | ${Math.round(many.rssMB)} MB | ${Math.round(one.rssMB)} MB |`,
      );
    }
  }
  return `
## Folders from the CLI (issue 18)

\`mathdown lint FILES… --jobs N\` and \`mathdown export FILES… --out-dir OUT --jobs N\` in one fresh process each (the median of ${f.rounds ?? 1} interleaved runs of each), N = ${f.jobs} (one worker per core) against \`--jobs 1\` pinned to one CPU (\`taskset -c 0\`; the speed-up is against this one-core run, or against the unpinned \`--jobs 1\` where taskset is missing). Unpinned, \`--jobs 1\` already uses more than one core: the main thread reads and lints while the worker typesets, and V8 collects garbage on threads of its own. One process per file is \`mathdown export FILE -o OUT\` timed on a sample of each folder and counted for all its files. Targets: ≥ 1.7× the one-core run, ≥ 5× one process per file. Peak RSS is the CLI process's (worker threads included).

| folder | command | ${f.jobs} jobs | 1 job | 1 job on one core | speed-up | one process per file | peak RSS ${f.jobs} jobs | peak RSS 1 job |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
}

/** Where the last folder measurement is kept for the report (as bench/vscode.json is for bench:vscode). */
export const FOLDERS_FILE = path.join(repoRoot, 'bench/folders.json');

// `node scripts/bench/folders.mjs [--dir DIR]`: this part alone (npm run bench runs it too).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { buildIfNeeded } = await import('./build.mjs');
  const { DEFAULT_BENCH_DIR } = await import('./generateDoc.mjs');
  const i = process.argv.indexOf('--dir');
  const dir = path.resolve(i > 0 ? process.argv[i + 1] : DEFAULT_BENCH_DIR);
  const t0 = Date.now();
  const log = (m) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}\n`);
  log(buildIfNeeded().message);
  log(`measuring ${distDir}/cli.js`);
  const loadStart = os.loadavg()[0].toFixed(1);
  const result = { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), ...(await measureFolders(dir, log)), load: `${loadStart} → ${os.loadavg()[0].toFixed(1)}`, cpus: os.cpus().length };
  fs.mkdirSync(path.dirname(FOLDERS_FILE), { recursive: true });
  fs.writeFileSync(FOLDERS_FILE, JSON.stringify(result, null, 1));
  process.stdout.write(foldersTable(result));
  log(`wrote ${path.relative(repoRoot, FOLDERS_FILE)}`);
}
