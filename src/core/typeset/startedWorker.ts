import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './typesetProtocol';

/** A typesetting worker thread starting up, and whether it came up: noted from its first moment, so none of it is missed. */
export interface StartedWorker {
  worker: Worker;
  /** Resolves once the worker has loaded MathJax; rejects if it fails first. */
  ready: Promise<void>;
}

/**
 * Starts a typesetting worker thread on `file` (dist/typesetWorker.js). On its own, so that a
 * host can start one before it loads the core and hand it over (`TypesetterOptions.startedWorker`):
 * the thread's start-up then overlaps the core's.
 */
export function startTypesetWorker(file: string): StartedWorker {
  const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  const ready = new Promise<void>((resolve, reject) => {
    const settle = (error?: Error): void => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (reply: WorkerReply): void => { if (reply.type === 'ready') settle(); };
    const onError = (err: Error): void => settle(err);
    const onExit = (code: number): void => settle(new Error(`exited with code ${code}`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
  ready.catch(() => undefined);
  return { worker, ready };
}
