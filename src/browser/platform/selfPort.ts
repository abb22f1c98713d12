// A Web Worker's channel to whoever started it (its global scope) as the core's serving end
// (src/core/platform/workerPort.ts).
import type { ServingPort } from '../../core/platform/workerPort';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export function selfPort<Receive, Send>(): ServingPort<Receive, Send> {
  const scope = globalThis as unknown as WorkerScope;
  return {
    postMessage: (message) => scope.postMessage(message),
    onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data as Receive)),
  };
}
