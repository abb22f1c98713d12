import type { WorkerPort } from '../../platform/workerPort';
import type { FixAllResult } from '../fixAll';
import type { LintReply, LintRequest, LintWorkerStarter } from './lintProtocol';
import type { LintDiagnostic, LintOptions } from '../types';
import { SerialQueue } from '../../concurrency/serialQueue';

/**
 * Runs `lint` and `fixAll` in a worker (serveLint; dist/lintWorker.js in Node), one document at a
 * time, so that linting a long document, whose time grows with its length, never holds up the
 * caller's thread: in VS Code that is the extension host, which serves every extension. Aborting
 * the document being linted stops the worker; the next document gets a fresh one. An idle worker
 * does not keep the process alive, but is not stopped: it holds the pieces of the documents it
 * linted (IncrementalLinter), and a fresh one would lint the next save's document whole.
 */
export class LintWorkerClient {
  #worker: WorkerPort<LintRequest, LintReply> | undefined;
  readonly #queue = new SerialQueue();
  #closed = false;
  readonly #starter: LintWorkerStarter;

  constructor(starter: LintWorkerStarter) {
    this.#starter = starter;
  }

  lint(text: string, options: LintOptions, signal?: AbortSignal): Promise<LintDiagnostic[]> {
    return this.#ask({ kind: 'lint', text, options }, signal).then((reply) =>
      'diagnostics' in reply ? reply.diagnostics : unexpected(reply),
    );
  }

  /** `fixAll` of the text; `options.formulas` serve its first round (see `fixAll`). */
  fixAll(text: string, options: LintOptions, signal?: AbortSignal): Promise<FixAllResult> {
    return this.#ask({ kind: 'fixAll', text, options }, signal).then((reply) => ('fixed' in reply ? reply.fixed : unexpected(reply)));
  }

  #ask(request: LintRequest, signal: AbortSignal | undefined): Promise<LintReply> {
    return this.#queue.run(() => this.#run(request, signal));
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
    const worker = (this.#worker ??= this.#starter.start());
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        stop();
        signal?.removeEventListener('abort', onAbort);
        worker.keepAlive(false);
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
      const onError = (err: Error): void => fail(new Error(`The lint worker failed (${this.#starter.name}): ${err.message}`));
      const onExit = (code: number): void => fail(new Error(`The lint worker stopped (${this.#starter.name}): exit code ${code}`));
      const onAbort = (): void => {
        fail(signal!.reason);
        void worker.terminate();
      };
      const stop = worker.listen({ message: onMessage, error: onError, exit: onExit });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.keepAlive(true);
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
