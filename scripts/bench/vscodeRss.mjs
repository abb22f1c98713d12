// The extension host of a code-server started by test/e2e/lib.mjs, seen from /proc (Linux): found
// in code-server's process tree, its resident memory (RSS, which includes Mathdown's worker threads)
// and its CPU time, so that bench:vscode can report memory and wait for a settled window.
import fs from 'node:fs';

const read = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Fields of /proc/PID/stat after the command name (which may hold spaces): [state, ppid, …]. */
function statFields(pid) {
  const stat = read(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Every process below `root` (children, grandchildren, …). */
export function descendants(root) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(entry)?.[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const out = [];
  const queue = [root];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** The pid of the extension host (VS Code forks it with `--type=extensionHost`) below `root`, if one runs. */
export function extensionHostPid(root) {
  return descendants(root).find((pid) => /extensionHost/.test((read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ')));
}

/** Resident memory of `pid` in MB (VmRSS), or undefined when it is gone. */
export function rssMB(pid) {
  const m = /VmRSS:\s*(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
  return m ? Number(m[1]) / 1024 : undefined;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) that `pid` has used so far. */
export function cpuSeconds(pid) {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND : undefined;
}

/**
 * Finds the extension host below `root` (it starts with the window, a while after the workbench)
 * and samples its RSS every `everyMs`: `peak` and `last` MB, `sample()` for a reading now.
 */
export class HostWatch {
  constructor(root, everyMs = 250) {
    this.root = root;
    this.peak = 0;
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample() {
    this.pid ??= extensionHostPid(this.root);
    const mb = this.pid === undefined ? undefined : rssMB(this.pid);
    if (mb !== undefined) {
      this.last = mb;
      this.peak = Math.max(this.peak, mb);
    }
    return mb;
  }

  /** Starts a new peak from the current reading (e.g. once the document is open). */
  resetPeak() {
    this.peak = this.sample() ?? 0;
  }

  /**
   * Resolves once the host has used under `busyShare` of one core over the last `quietMs`, and not
   * before `minMs`; gives up (resolving false) after `maxMs`.
   */
  async settled({ minMs = 30_000, quietMs = 3000, busyShare = 0.1, maxMs = 240_000 } = {}) {
    const start = Date.now();
    const readings = [];
    for (;;) {
      this.pid ??= extensionHostPid(this.root);
      const now = Date.now();
      const cpu = this.pid === undefined ? undefined : cpuSeconds(this.pid);
      if (cpu !== undefined) readings.push([now, cpu]);
      while (readings.length > 1 && now - readings[1][0] >= quietMs) readings.shift();
      const [t0, c0] = readings[0] ?? [now, 0];
      const quiet = cpu !== undefined && now - t0 >= quietMs && (cpu - c0) / ((now - t0) / 1000) < busyShare;
      if (quiet && now - start >= minMs) return true;
      if (now - start >= maxMs) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}

/** CPU seconds of each thread of `pid`: Map tid → { name, cpu } (Node's worker threads are threads of the host). */
export function threadCpu(pid) {
  const out = new Map();
  let tids = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const stat = read(`/proc/${pid}/task/${tid}/stat`);
    if (!stat) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), { name, cpu: (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND });
  }
  return out;
}

/** Markdown: the threads of `pid` that used CPU between two `threadCpu` readings, busiest first. */
export function threadCpuTable(pid, before, after) {
  const rows = [];
  for (const [tid, { name, cpu }] of after) {
    const used = cpu - (before.get(tid)?.cpu ?? 0);
    if (used >= 0.05) rows.push([used, `| ${tid === pid ? 'main (JavaScript of every extension)' : `${name} (${tid})`} | ${used.toFixed(1)} s |`]);
  }
  return ['| extension host thread | CPU |', '|---|---:|', ...rows.sort((a, b) => b[0] - a[0]).map((r) => r[1])].join('\n');
}
