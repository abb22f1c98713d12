import type { WorkerPort } from '../../platform/workerPort';
import type { FixAllResult } from '../fixAll';
import type { LintReply, LintRequest, LintWorkerStarter } from './lintProtocol';
import type { LintDiagnostic, LintOptions } from '../types';
import { SerialQueue } from '../../concurrency/serialQueue';

export interface LintWorkerOptions {
  /**
   * Stops the worker once it has had no request for this long, giving its memory back (a request
   * holds the whole text, so the worker keeps nothing between requests); the next request starts a
   * new one. Off by default: the CLI's worker lives as long as its run.
   */
  idleMs?: number;
}

/**
 * Runs `lint` and `fixAll` in a worker (serveLint; dist/lintWorker.js in Node), one document at a
 * time, so that linting a long document, whose time grows with its length, never holds up the
 * caller's thread: in VS Code that is the extension host, which serves every extension. Aborting
 * the document being linted stops the worker; the next document gets a fresh one. An idle worker
 * does not keep the process alive, and with `idleMs` stops.
 */
export class LintWorkerClient {
  #worker: WorkerPort<LintRequest, LintReply> | undefined;
  readonly #queue = new SerialQueue();
  #closed = false;
  /** Requests asked and not yet answered (queued ones included). */
  #asked = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #starter: LintWorkerStarter;
  readonly #idleMs: number | undefined;

  constructor(starter: LintWorkerStarter, options: LintWorkerOptions = {}) {
    this.#starter = starter;
    this.#idleMs = options.idleMs;
  }

  /** Whether a worker is running (test hook). */
  get running(): boolean {
    return this.#worker !== undefined;
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
    clearTimeout(this.#idleTimer);
    this.#asked++;
    const run = this.#queue.run(() => this.#run(request, signal));
    const done = (): void => {
      if (--this.#asked === 0) this.#scheduleRetirement();
    };
    run.then(done, done);
    return run;
  }

  #scheduleRetirement(): void {
    if (this.#idleMs === undefined || this.#closed || !this.#worker) return;
    clearTimeout(this.#idleTimer);
    const timer = setTimeout(() => {
      const worker = this.#worker;
      if (this.#asked > 0 || !worker) return;
      this.#worker = undefined;
      void worker.terminate();
    }, this.#idleMs);
    // A pending retirement never keeps the process alive.
    (timer as { unref?: () => void }).unref?.();
    this.#idleTimer = timer;
  }

  async dispose(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#idleTimer);
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
