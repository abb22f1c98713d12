import { availableParallelism } from 'node:os';
import { MathdownRenderer, RendererPool } from '../../node/coreEntry';
import { CliError } from '../io';
import { CLI_RENDERER_OPTIONS } from '../rendererOptions';

/** `--jobs N`: files worked on at once, each with a typesetting worker; by default one per core. */
export function jobsOption(value: string | true | undefined, command: string): number {
  if (value === undefined) return availableParallelism();
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 256)) throw new CliError(`mathdown ${command}: --jobs must be a whole number from 1 to 256, not "${value}".`);
  return n;
}

/**
 * Runs `fn` with a pool of `jobs` renderers sharing one formula cache (at most one per file: a
 * single file keeps the renderer's own helper workers instead), each given two files at once, and
 * always disposes it.
 */
export async function withRendererPool<T>(jobs: number, files: number, fn: (pool: RendererPool) => Promise<T>): Promise<T> {
  const single = files <= 1;
  const pool = new RendererPool({
    size: Math.max(1, Math.min(jobs, files)),
    depth: 2,
    // One file: the renderer's default helpers spread that document over the cores, as before.
    create: (options) =>
      new MathdownRenderer({
        ...CLI_RENDERER_OPTIONS,
        ...(single && jobs > 1 ? { formulaCache: options.formulaCache, compileCache: options.compileCache } : options),
      }),
  });
  // The workers load MathJax while the first files are read and parsed.
  pool.prestart(files);
  try {
    return await fn(pool);
  } finally {
    await pool.dispose();
  }
}
