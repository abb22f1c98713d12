// `npm run bench:vscode -- --heap`: what the extension host's memory holds once the document is open
// and lint is done. Through the host's inspector (the same `inspect-extensions` port as --profile):
// process.memoryUsage() of the host, the heap of its main isolate and of each worker thread
// (NodeWorker domain), and a heap snapshot of the main isolate summarised by constructor and by
// what retains Mathdown's largest objects. Writes bench/HEAP-vscode.md; the snapshot stays in the
// temporary folder for DevTools.
import fs from 'node:fs';
import path from 'node:path';
import { HostInspector } from './hostInspector.mjs';

const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

/** The host's process.memoryUsage(), read through its inspector. */
async function hostMemoryUsage(inspector) {
  const usage = await inspector.send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
  return JSON.parse(usage.result.value);
}

/** Heap usage of every worker thread of the host: [{ title, usedSize, totalSize }]. */
async function workerHeaps(inspector) {
  const workers = new Map();
  const replies = new Map();
  inspector.on('NodeWorker.attachedToWorker', ({ sessionId, workerInfo }) => workers.set(sessionId, workerInfo));
  inspector.on('NodeWorker.receivedMessageFromWorker', ({ sessionId, message }) => {
    const msg = JSON.parse(message);
    if (msg.id !== undefined) replies.get(sessionId)?.(msg);
  });
  await inspector.send('NodeWorker.enable', { waitForDebuggerOnStart: false });
  // Attached workers are announced right after enable.
  await new Promise((r) => setTimeout(r, 1000));
  const out = [];
  for (const [sessionId, info] of workers) {
    const reply = new Promise((resolve) => replies.set(sessionId, resolve));
    await inspector.send('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    const msg = await Promise.race([reply, new Promise((r) => setTimeout(() => r(undefined), 30_000))]);
    out.push({ title: `${info.title} ${info.url ?? ''}`.trim(), ...(msg?.result ?? {}) });
  }
  await inspector.send('NodeWorker.disable').catch(() => {});
  return out;
}

/** A heap snapshot of the main isolate, written to `file`; returns the parsed snapshot. */
async function takeSnapshot(inspector, file) {
  const chunks = [];
  inspector.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await inspector.send('HeapProfiler.enable');
  await inspector.send('HeapProfiler.collectGarbage');
  await inspector.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const text = chunks.join('');
  fs.writeFileSync(file, text);
  return JSON.parse(text);
}

/** Each node of a heap snapshot as { type, name, size }. */
function* snapshotNodes(snapshot) {
  const meta = snapshot.snapshot.meta;
  const fields = meta.node_fields;
  const types = meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((k) => fields.indexOf(k));
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += fields.length) {
    yield { type: types[nodes[i + iType]], name: strings[nodes[i + iName]], size: nodes[i + iSize] };
  }
}

/** Self size by node type and name (strings together), largest first. */
function summarizeSnapshot(snapshot, top = 30) {
  const groups = new Map();
  let total = 0;
  for (const { type, name, size } of snapshotNodes(snapshot)) {
    total += size;
    const shown = /string$/.test(type) ? '(strings)' : type === 'object' || type === 'closure' ? name : `(${type})`;
    const key = `${type === 'closure' ? 'closure ' : ''}${shown}`.slice(0, 80);
    const g = groups.get(key) ?? { count: 0, size: 0 };
    g.count++;
    g.size += size;
    groups.set(key, g);
  }
  const rows = [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top);
  return { total, rows };
}

/** Strings of the heap of `min` bytes or more: their sizes and first characters, largest first. */
function largeStrings(snapshot, min = 100_000) {
  const out = [];
  for (const { type, name, size } of snapshotNodes(snapshot)) {
    if (type === 'string' && size >= min) out.push({ size, head: name.slice(0, 70).replace(/\s+/g, ' ') });
  }
  return out.sort((a, b) => b.size - a.size);
}

/** The host's resident memory by mapping kind (/proc/PID/smaps): file-backed code, the malloc heap, anonymous mappings by size. */
function residentByMapping(pid) {
  let text;
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return [];
  }
  const groups = new Map();
  let kind = '';
  for (const line of text.split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const [from, to] = line.split(' ')[0].split('-').map((h) => parseInt(h, 16));
      const size = to - from;
      const name = head[1];
      kind = name ? (name.startsWith('/') ? `file ${path.basename(name)}` : name) : size >= 64 << 20 ? 'anonymous, ≥ 64 MB each (malloc arenas)' : size >= 1 << 20 ? 'anonymous, 1–64 MB each (V8 pages, thread stacks)' : 'anonymous, < 1 MB each';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) groups.set(kind, (groups.get(kind) ?? 0) + Number(rss[1]) * 1024);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).slice(0, 8);
}

/**
 * Reads the host's memory through the inspector on `port` and returns Markdown; `hostRssMB` is the
 * /proc reading taken at the same moment.
 */
export async function hostHeapReport(port, { dir, label, hostRssMB, pid }) {
  // Before the inspector's own work (a snapshot allocates much of the heap's size again).
  const mappings = residentByMapping(pid);
  const inspector = await HostInspector.connect(port);
  try {
    await inspector.send('Runtime.enable');
    const memory = await hostMemoryUsage(inspector);
    const main = await inspector.send('Runtime.getHeapUsage');
    const workers = await workerHeaps(inspector);
    // What a full collection of the main isolate gives back: garbage and free pages it held.
    await inspector.send('HeapProfiler.collectGarbage');
    const afterGc = await hostMemoryUsage(inspector);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label.replace(/\W+/g, '-')}.heapsnapshot`);
    const snapshot = await takeSnapshot(inspector, file);
    const { total, rows } = summarizeSnapshot(snapshot);
    const strings = largeStrings(snapshot);
    const lines = [
      `## ${label}`,
      '',
      `Extension host RSS ${Math.round(hostRssMB ?? 0)} MB. process.memoryUsage(): rss ${mb(memory.rss)}, V8 heap ${mb(memory.heapUsed)} used of ${mb(memory.heapTotal)}, external ${mb(memory.external)} (array buffers ${mb(memory.arrayBuffers)}).`,
      '',
      `After a full garbage collection of the main isolate: rss ${mb(afterGc.rss)}, V8 heap ${mb(afterGc.heapUsed)} used of ${mb(afterGc.heapTotal)}, external ${mb(afterGc.external)} (array buffers ${mb(afterGc.arrayBuffers)}).`,
      '',
      'Resident memory by mapping (/proc/PID/smaps):',
      '',
      ...mappings.map(([kind, bytes]) => `- ${kind}: ${mb(bytes)}`),
      '',
      '| isolate | heap used | heap total |',
      '|---|---:|---:|',
      `| main (every extension's JavaScript) | ${mb(main.usedSize)} | ${mb(main.totalSize)} |`,
      ...workers.map((w) => `| worker ${w.title} | ${w.usedSize === undefined ? '?' : mb(w.usedSize)} | ${w.totalSize === undefined ? '?' : mb(w.totalSize)} |`),
      '',
      `Main isolate after a full GC (snapshot ${file}): ${mb(total)} in objects. Largest groups by self size:`,
      '',
      '| constructor / type | count | self size |',
      '|---|---:|---:|',
      ...rows.map(([name, g]) => `| ${name.replace(/\|/g, '\\|')} | ${g.count} | ${mb(g.size)} |`),
      '',
      `Strings of 100,000 bytes or more: ${strings.length}, ${mb(strings.reduce((s, x) => s + x.size, 0))} together. Largest:`,
      '',
      ...strings.slice(0, 15).map((s) => `- ${mb(s.size)}: \`${s.head.replace(/`/g, "'")}\``),
      '',
    ];
    return lines.join('\n');
  } finally {
    inspector.close();
  }
}
