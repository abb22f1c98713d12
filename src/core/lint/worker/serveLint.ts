// Inside the lint worker: `lint` of one document per message, off the thread of whoever asked (see
// LintWorkerClient). The host's worker script hands its channel here (src/node/workers/lintWorker.ts).
import type { ServingPort } from '../../platform/workerPort';
import { lint } from '../lint';
import type { LintReply, LintRequest } from './lintProtocol';

export function serveLint(port: ServingPort<LintRequest, LintReply>): void {
  port.onMessage(({ text, options }) => {
    let reply: LintReply;
    try {
      reply = { diagnostics: lint(text, options) };
    } catch (err) {
      reply = { error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
