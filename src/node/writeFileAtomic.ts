import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one: the data
 * goes to a temporary file in the same folder (same file system), which is then renamed over `path`.
 * The temporary file's name holds the writer's process id, so that one left by a writer that was
 * killed mid-write is removed by the next write to the same path. Pieces (`AsyncIterable`) are
 * written as they come, so a large file is never held whole in memory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | AsyncIterable<string>): Promise<void> {
  await removeStaleTemps(dirname(path), tempPrefix(path));
  const temp = tempPath(path);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
}

/** `writeFileAtomic` for when nothing may wait (the extension host shutting down); its temporary file is named alike. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temp = tempPath(path);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      /* never written */
    }
    throw e;
  }
}

function tempPrefix(path: string): string {
  return `.${basename(path)}.`;
}

function tempPath(path: string): string {
  return join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

async function removeStaleTemps(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid =
      name.startsWith(prefix) && name.endsWith('.tmp') ? /^(\d+)-[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid && !isRunning(Number(pid))) await unlink(join(dir, name)).catch(() => {});
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
