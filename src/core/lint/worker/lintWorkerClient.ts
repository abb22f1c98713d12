import { Worker } from 'node:worker_threads';
import type { FixAllResult } from '../fixAll';
import type { LintReply, LintRequest } from './lintProtocol';
import type { LintDiagnostic, LintOptions } from '../types';

/**
 * Runs `lint` and `fixAll` in a worker thread (dist/lintWorker.js), one document at a time, so
 * that linting a long document (about a second per MB) never holds up the caller's thread: in VS
 * Code that is the extension host, which serves every extension. Aborting the document being linted stops the
 * thread; the next document gets a fresh one. An idle thread does not keep the process alive.
 */
export class LintWorkerClient {
  #worker: Worker | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(private readonly file: string) {}

  lint(text: string, options: LintOptions, signal?: AbortSignal): Promise<LintDiagnostic[]> {
    return this.#ask({ kind: 'lint', text, options }, signal).then((reply) => ('diagnostics' in reply ? reply.diagnostics : unexpected(reply)));
  }

  /** `fixAll` of the text; `options.formulas` serve its first round (see `fixAll`). */
  fixAll(text: string, options: LintOptions, signal?: AbortSignal): Promise<FixAllResult> {
    return this.#ask({ kind: 'fixAll', text, options }, signal).then((reply) => ('fixed' in reply ? reply.fixed : unexpected(reply)));
  }

  #ask(request: LintRequest, signal: AbortSignal | undefined): Promise<LintReply> {
    const run = this.#queue.then(() => this.#run(request, signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #run(request: LintRequest, signal: AbortSignal | undefined): Promise<LintReply> {
    signal?.throwIfAborted();
    if (this.#closed) throw new Error('The lint worker has been disposed');
    const worker = (this.#worker ??= new Worker(this.file));
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        worker.unref();
      };
      const fail = (err: unknown): void => {
        finish();
        if (this.#worker === worker) this.#worker = undefined;
        reject(err);
      };
      const onMessage = (reply: LintReply): void => {
        finish();
        if ('error' in reply) reject(new Error(`Lint failed: ${reply.error}`));
        else resolve(reply);
      };
      const onError = (err: Error): void => fail(new Error(`The lint worker failed (${this.file}): ${err.message}`));
      const onExit = (code: number): void => fail(new Error(`The lint worker stopped (${this.file}): exit code ${code}`));
      const onAbort = (): void => {
        fail(signal!.reason);
        void worker.terminate();
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      try {
        worker.postMessage(request);
      } catch (err) {
        finish();
        reject(err);
      }
    });
  }
}

function unexpected(reply: LintReply): never {
  throw new Error(`The lint worker answered with ${Object.keys(reply).join()}`);
}
