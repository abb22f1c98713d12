// The machine a benchmark ran on, for the results table.
import os from 'node:os';

export function environment() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cpus: cpus.length,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: os.loadavg().map((l) => l.toFixed(1)).join(' '),
  };
}
