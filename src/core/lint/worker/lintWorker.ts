// Worker entry: one lint request per message, off the thread of whoever asked (see LintWorkerClient).
import { parentPort } from 'node:worker_threads';
import { answerLintRequest } from './answerLintRequest';
import type { LintRequest } from './lintProtocol';

parentPort?.on('message', (request: LintRequest) => {
  parentPort!.postMessage(answerLintRequest(request));
});
