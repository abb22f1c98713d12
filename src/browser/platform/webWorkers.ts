// Web Workers as the core's workers (src/core/platform/workerPort.ts), host side. In VS Code's web
// worker extension host a nested worker starts only from a `blob:` URL of a classic script (not from
// the extension's own URI, a data: URL or a module), and the script is read asynchronously; so a
// port is handed out at once and the messages posted before the worker exists wait for it.
import type { WorkerListeners, WorkerPort, WorkerStarter } from '../../core/platform/workerPort';

/** The parts of the standard Worker this adapter uses (declared here: the project's types are Node's). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault(): void }) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
}
type WebWorkerConstructor = new (url: string) => WebWorker;

export function webWorkerPort<Send, Receive>(scriptUrl: Promise<string>, name: string): WorkerPort<Send, Receive> {
  const listeners = new Set<WorkerListeners<Receive>>();
  const queued: Send[] = [];
  let worker: WebWorker | undefined;
  let terminated = false;
  const fail = (error: Error): void => {
    for (const l of [...listeners]) l.error?.(error);
  };
  scriptUrl
    .then((url) => {
      if (terminated) return;
      const Worker = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
      if (!Worker) throw new Error('this host has no Web Workers');
      const w = (worker = new Worker(url));
      w.addEventListener('message', (event) => {
        for (const l of [...listeners]) l.message?.(event.data as Receive);
      });
      w.addEventListener('error', (event) => {
        // Handled here: the worker has stopped, its owner restarts or reports it.
        event.preventDefault();
        fail(new Error(`${name}: ${event.message || 'the worker failed'}`));
      });
      w.addEventListener('messageerror', () => fail(new Error(`${name}: a message could not be read`)));
      for (const message of queued.splice(0)) w.postMessage(message);
    })
    .catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  return {
    postMessage: (message) => {
      if (terminated) return;
      if (worker) worker.postMessage(message);
      else queued.push(message);
    },
    listen(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    terminate: async () => {
      terminated = true;
      queued.length = 0;
      worker?.terminate();
      worker = undefined;
    },
    // A browser does not wait for its workers.
    keepAlive: () => {},
  };
}

/** Starts Web Workers on a script given as the `blob:` URL (or any URL the host may start) `scriptUrl` resolves to. */
export function webWorkerStarter<Send, Receive>(scriptUrl: Promise<string>, name: string): WorkerStarter<Send, Receive> {
  return { name, start: () => webWorkerPort<Send, Receive>(scriptUrl, name) };
}

/** A `blob:` URL of the classic worker script `code` (the form VS Code's web extension host lets start). */
export function scriptBlobUrl(code: Uint8Array | string): string {
  const g = globalThis as unknown as {
    Blob: new (parts: unknown[], options: { type: string }) => unknown;
    URL: { createObjectURL(blob: unknown): string };
  };
  return g.URL.createObjectURL(new g.Blob([code], { type: 'text/javascript' }));
}
