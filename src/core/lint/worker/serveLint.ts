// Worker entry: `lint` of one document per message, off the thread of whoever asked (see LintWorkerClient).
import { parentPort } from 'node:worker_threads';
import { lint } from '../lint';
import type { LintReply, LintRequest } from './lintProtocol';

parentPort?.on('message', ({ text, options }: LintRequest) => {
  let reply: LintReply;
  try {
    reply = { diagnostics: lint(text, options) };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
