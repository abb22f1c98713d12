// Inside the lint worker: one request per message (lint, or fix all), off the thread of whoever asked
// (see LintWorkerClient). The host's worker script hands its channel here (src/node/workers/lintWorker.ts).
import type { ServingPort } from '../../platform/workerPort';
import { answerLintRequest } from './answerLintRequest';
import type { LintReply, LintRequest } from './lintProtocol';

export function serveLint(port: ServingPort<LintRequest, LintReply>): void {
  port.onMessage((request) => port.postMessage(answerLintRequest(request)));
}
