import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { MathdownRendererOptions } from '../../core/render/renderTypes';
import type { TypesetWorkerStarter } from '../../core/typeset/startedWorker';
import { bundledFile } from './bundledFile';
import { typesetWorkerStarter } from './startTypesetWorker';

/** The renderer's (and typesetter's) options in Node, where the platform's parts have defaults. */
export interface NodeRendererOptions extends Omit<MathdownRendererOptions, 'worker'> {
  /** The typesetting worker's script (default: typesetWorker.js beside this bundle); ignored if `worker` is given. */
  workerFile?: string;
  worker?: TypesetWorkerStarter;
}

/** `options` with Node's worker threads, core count and native hash filled in. */
export function nodeRendererOptions(options: NodeRendererOptions = {}): MathdownRendererOptions {
  const { workerFile, worker, ...rest } = options;
  return {
    ...rest,
    worker: worker ?? typesetWorkerStarter(workerFile ?? bundledFile('typesetWorker.js')),
    cores: rest.cores ?? availableParallelism(),
    hash: rest.hash ?? sha1,
  };
}

/** node:crypto's SHA-1 (native, several times faster on long HTML than the core's SHA-256 in JavaScript). */
function sha1(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
