import type { WorkerPort, WorkerStarter } from '../platform/workerPort';
import type { WorkerReply, WorkerRequest } from './typesetProtocol';

/** The host's end of a typesetting worker (serveTypesetting at the other end). */
export type TypesetWorkerPort = WorkerPort<WorkerRequest, WorkerReply>;
/** Starts typesetting workers on the host (src/node/platform for Node's worker threads). */
export type TypesetWorkerStarter = WorkerStarter<WorkerRequest, WorkerReply>;

/** A typesetting worker starting up, and whether it came up: noted from its first moment, so none of it is missed. */
export interface StartedWorker {
  worker: TypesetWorkerPort;
  /** Resolves once the worker has loaded MathJax; rejects if it fails first. */
  ready: Promise<void>;
}

/**
 * Watches a typesetting worker that was just started for its 'ready'. On its own, so that a host
 * can start one before it loads the rest of the core and hand it over (`TypesetterOptions.startedWorker`):
 * the worker's start-up then overlaps the core's.
 */
export function watchStart(worker: TypesetWorkerPort): StartedWorker {
  const ready = new Promise<void>((resolve, reject) => {
    let settled = false;
    // Assigned once listen() returns; a reply during listen() itself settles first and stops after.
    // eslint-disable-next-line prefer-const
    let stop: (() => void) | undefined;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      stop?.();
      if (error) reject(error);
      else resolve();
    };
    stop = worker.listen({
      message: (reply) => {
        if (reply.type === 'ready') settle();
      },
      error: (err) => settle(err),
      exit: (code) => settle(new Error(`exited with code ${code}`)),
    });
    if (settled) stop();
  });
  ready.catch(() => undefined);
  return { worker, ready };
}
