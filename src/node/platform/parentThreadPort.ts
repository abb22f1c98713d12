// A Node worker thread's channel to its parent as the core's serving end (src/core/platform/workerPort.ts).
import type { MessagePort } from 'node:worker_threads';
import type { ServingPort } from '../../core/platform/workerPort';

export function parentThreadPort<Receive, Send>(port: MessagePort): ServingPort<Receive, Send> {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', listener);
    },
  };
}
