// `npm run bench:vscode -- --profile`: where the seconds between opening a document and the
// preview's first formula go. Two recordings over the same seconds: a CPU profile of the extension
// host (the workbench URL asks for its inspector, `inspect-extensions=PORT`, read over the inspector's DevTools
// protocol) and a Chromium trace of the workbench and its webviews (a CDP session of the page). Both
// are summarised as Markdown: whose code the host ran (Mathdown's bundles, the built-in Markdown
// extension, VS Code's own), and what the renderer main threads did.
import fs from 'node:fs';
import path from 'node:path';
import { HostInspector } from './hostInspector.mjs';
import { threadCpu, threadCpuTable } from './vscodeRss.mjs';

/** Starts sampling the extension host whose inspector listens on `port` (waits for it to come up). */
export async function startHostProfile(port, timeoutMs = 120_000) {
  const cdp = await HostInspector.connect(port, timeoutMs);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const startedAt = Date.now();
  return {
    startedAt,
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      cdp.close();
      return profile;
    },
  };
}

/** Starts a Chromium trace through a CDP session of the workbench page (Playwright's). */
export async function startTrace(page) {
  const session = await page.context().newCDPSession(page);
  // The renderer's JavaScript too: the workbench and the webviews in its process (one isolate).
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute'], recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      const { stream } = await complete;
      const chunks = [];
      for (;;) {
        const { data, eof, base64Encoded } = await session.send('IO.read', { handle: stream, size: 1 << 20 });
        chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
        if (eof) break;
      }
      await session.send('IO.close', { handle: stream });
      await session.detach().catch(() => {});
      const json = JSON.parse(chunks.join(''));
      return { events: Array.isArray(json) ? json : json.traceEvents, profile };
    },
  };
}

/** Whose code a script URL is: Mathdown's bundle, a built-in extension, or VS Code's own. */
export function owner(url, functionName, repoRoot) {
  if (!url) return functionName === '(garbage collector)' ? 'garbage collector' : functionName === '(idle)' ? 'idle' : '(native, no script)';
  // Mathdown's files, as the host loads them (file://) and as a webview does (through a resource URL).
  const mine = url.indexOf(repoRoot + '/');
  if (mine >= 0) return `Mathdown ${url.slice(mine + repoRoot.length + 1).replace(/\?.*/, '')}`;
  const ext = /\/extensions\/([^/]+)\//.exec(url);
  if (ext) return `built-in extension ${ext[1]}`;
  if (/^node:|^internal\//.test(url)) return 'Node.js internals';
  if (/\/static\/out\/vs\/|^https?:/.test(url)) return `VS Code workbench ${url.replace(/\?.*/, '').replace(/^.*\/out\//, '').slice(-60)}`;
  return 'VS Code (extension host)';
}

const ms = (us) => `${Math.round(us / 1000)} ms`;

/**
 * Summarises a CPU profile: time by owner (a native frame counts for the script that called it),
 * Mathdown's heaviest functions (self time), and each owner's share per `bucketMs` from the start.
 * `marks` are [label, wall ms] shown against the timeline (`startedAt` = wall ms of the profile's start).
 */
export function summarizeProfile(profile, { repoRoot, startedAt, marks = [], bucketMs = 2000, title = 'Extension host CPU profile' }) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerOf = new Map();
  const ownerFor = (id) => {
    if (ownerOf.has(id)) return ownerOf.get(id);
    const n = nodes.get(id);
    const { url, functionName } = n.callFrame;
    let o = owner(url, functionName, repoRoot);
    if (o === '(native, no script)' && parent.has(id)) {
      const up = ownerFor(parent.get(id));
      if (up !== '(native, no script)' && up !== 'idle') o = up;
    }
    if (functionName === '(program)') o = 'VS Code / V8 (program)';
    ownerOf.set(id, o);
    return o;
  };
  const byOwner = new Map();
  const byFunction = new Map();
  const buckets = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    t += profile.timeDeltas[i];
    const id = profile.samples[i];
    const o = ownerFor(id);
    byOwner.set(o, (byOwner.get(o) ?? 0) + dt);
    if (o.startsWith('Mathdown')) {
      const f = nodes.get(id).callFrame;
      const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url || '') || o.replace('Mathdown ', '')}:${f.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
    }
    const b = Math.floor((t - profile.startTime) / 1000 / bucketMs);
    buckets[b] ??= new Map();
    buckets[b].set(o, (buckets[b].get(o) ?? 0) + dt);
  }
  const total = [...byOwner.values()].reduce((a, b) => a + b, 0);
  const busy = total - (byOwner.get('idle') ?? 0);
  const lines = [
    `${title}: ${ms(total)} recorded, ${ms(busy)} busy (not idle).`,
    '',
    '| whose code | time | share of busy |',
    '|---|---:|---:|',
    ...[...byOwner]
      .filter(([o]) => o !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .map(([o, v]) => `| ${o} | ${ms(v)} | ${((100 * v) / busy).toFixed(1)} % |`),
    '',
    "Mathdown's heaviest functions (self time, with the native code they call):",
    '',
    '| function | self time |',
    '|---|---:|',
    ...[...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([f, v]) => `| \`${f}\` | ${ms(v)} |`),
    '',
    `Timeline (${bucketMs / 1000} s buckets from the profile's start; busy time by owner, top 3):`,
    '',
    ...marks.map(([label, wall]) => `- ${label}: ${((wall - startedAt) / 1000).toFixed(1)} s`),
    '',
    '| from | busy | top owners |',
    '|---:|---:|---|',
    ...buckets.map((m, i) => {
      const entries = [...(m ?? new Map())].filter(([o]) => o !== 'idle').sort((a, b) => b[1] - a[1]);
      const sum = entries.reduce((a, [, v]) => a + v, 0);
      return `| ${(i * bucketMs) / 1000} s | ${ms(sum)} | ${entries
        .slice(0, 3)
        .map(([o, v]) => `${o} ${ms(v)}`)
        .join('; ')} |`;
    }),
  ];
  return lines.join('\n');
}

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/** Summarises a Chromium trace: per renderer/browser main thread, busy time and what filled it. */
export function summarizeTrace(events) {
  const processName = new Map();
  const threadName = new Map();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processName.set(e.pid, e.args.name);
    if (e.name === 'process_labels') processName.set(e.pid, `${processName.get(e.pid) ?? ''} ${e.args.labels}`.trim());
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const threads = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|CrBrowserMain/.test(threadName.get(key) ?? '')) continue;
    if (!threads.has(key)) threads.set(key, []);
    threads.get(key).push(e);
  }
  const lines = ['| process · thread | busy (top-level tasks) | what filled them (direct children of a task) |', '|---|---:|---|'];
  const rows = [];
  for (const [key, list] of threads) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let busy = 0;
    const kinds = new Map();
    const stack = [];
    for (const e of list) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      if (TOP_LEVEL.has(e.name) && !stack.some((s) => TOP_LEVEL.has(s.name))) busy += e.dur;
      else if (stack.length && TOP_LEVEL.has(stack.at(-1).name)) {
        const url = e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\//, '').slice(0, 40)}` : '';
        const k = `${e.name}${e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? url : ''}`;
        kinds.set(k, (kinds.get(k) ?? 0) + e.dur);
      }
      stack.push(e);
    }
    const pid = Number(key.split(':')[0]);
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${ms(v)}`).join('; ');
    rows.push([busy, `| ${(processName.get(pid) ?? `pid ${pid}`).slice(0, 80)} · ${threadName.get(key)} | ${ms(busy)} | ${top} |`]);
  }
  return [...lines, ...rows.sort((a, b) => b[0] - a[0]).map((r) => r[1])].join('\n');
}

/** Writes the raw recordings next to the report (for DevTools) and returns their paths. */
export function saveRecordings(dir, name, { profile, trace, page }) {
  fs.mkdirSync(dir, { recursive: true });
  const out = {};
  if (profile) fs.writeFileSync((out.profile = path.join(dir, `${name}.cpuprofile`)), JSON.stringify(profile));
  if (page) fs.writeFileSync(path.join(dir, `${name}.page.cpuprofile`), JSON.stringify(page));
  if (trace) fs.writeFileSync((out.trace = path.join(dir, `${name}.trace.json`)), JSON.stringify({ traceEvents: trace }));
  return out;
}

/**
 * For vscode.mjs: `start()` begins both recordings (the host's inspector on `port`, the trace of
 * `page`); its `stop(label, marks)` ends them, keeps the raw files in `dir` and returns the section.
 */
export function profileRecorder(page, port, { repoRoot, dir, log, hostPid }) {
  return {
    async start() {
      const host = await startHostProfile(port);
      const trace = await startTrace(page);
      const pid = hostPid();
      const threadsBefore = threadCpu(pid);
      return {
        async stop(label, marks) {
          const profile = await host.stop();
          const threads = threadCpuTable(pid, threadsBefore, threadCpu(pid));
          const { events, profile: page } = await trace.stop();
          const files = saveRecordings(dir, label.replace(/\W+/g, '-'), { profile, trace: events, page });
          log(`${label}: recordings in ${files.profile} and ${files.trace}`);
          return [
            `## ${label}`,
            '',
            summarizeProfile(profile, { repoRoot, startedAt: host.startedAt, marks }),
            '',
            "CPU of the extension host's threads over the same seconds (/proc; Mathdown's typesetting and lint workers are threads of it):",
            '',
            threads,
            '',
            'Chromium main threads over the same seconds (the workbench, the webviews, the browser):',
            '',
            summarizeTrace(events),
            '',
            summarizeProfile(page, { repoRoot, startedAt: host.startedAt, title: "The workbench page's JavaScript (CPU profile of its renderer, the webviews in it included)" }),
            '',
          ].join('\n');
        },
      };
    },
  };
}
