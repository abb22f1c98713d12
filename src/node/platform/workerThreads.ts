// Node's worker threads as the core's workers (src/core/platform/workerPort.ts), host side.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerPort, WorkerStarter } from '../../core/platform/workerPort';

export function workerThreadPort<Send, Receive>(worker: Worker): WorkerPort<Send, Receive> {
  return {
    postMessage: (message) => worker.postMessage(message),
    listen({ message, error, exit }) {
      if (message) worker.on('message', message);
      if (error) worker.on('error', error);
      if (exit) worker.on('exit', exit);
      return () => {
        if (message) worker.off('message', message);
        if (error) worker.off('error', error);
        if (exit) worker.off('exit', exit);
      };
    },
    terminate: async () => {
      await worker.terminate();
    },
    keepAlive: (alive) => {
      if (alive) worker.ref();
      else worker.unref();
    },
  };
}

/** Starts worker threads on the script `file` (a bundle in dist/). */
export function workerThreadStarter<Send, Receive>(file: string, resourceLimits?: ResourceLimits): WorkerStarter<Send, Receive> {
  return { name: file, start: () => workerThreadPort(new Worker(file, resourceLimits ? { resourceLimits } : undefined)) };
}
