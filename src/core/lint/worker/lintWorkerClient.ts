import type { WorkerPort } from '../../platform/workerPort';
import type { FixAllResult } from '../fixAll';
import type { LintPieces } from '../incremental/incrementalLinter';
import type { LintReply, LintRequest, LintWorkerStarter } from './lintProtocol';
import type { LintDiagnostic, LintOptions } from '../types';
import { SerialQueue } from '../../concurrency/serialQueue';
import { unrefTimer } from '../../../shared/unrefTimer';

export interface LintWorkerOptions {
  /**
   * Stops the worker once it has had no request for this long, giving its memory back; the pieces
   * of documents it linted are handed over first and go to the next worker with its first request,
   * so the next lint still re-checks only what changed. Off by default (the CLI's worker lives as
   * long as its run).
   */
  idleMs?: number;
}

/**
 * Runs `lint` and `fixAll` in a worker (serveLint; dist/lintWorker.js in Node), one document at a
 * time, so that linting a long document, whose time grows with its length, never holds up the
 * caller's thread: in VS Code that is the extension host, which serves every extension. Aborting
 * the document being linted stops the worker; the next document gets a fresh one. An idle worker
 * does not keep the process alive.
 */
export class LintWorkerClient {
  #worker: WorkerPort<LintRequest, LintReply> | undefined;
  readonly #queue = new SerialQueue();
  #closed = false;
  readonly #starter: LintWorkerStarter;
  readonly #idleMs: number | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Requests asked and not yet answered. */
  #asked = 0;
  /** The pieces a stopped worker handed over, for the next one. */
  #kept: LintPieces | undefined;
  /** Of the last lint's pieces, those linted anew and all (tests, benchmarks). */
  lastStats = { chunks: 0, linted: 0 };

  constructor(starter: LintWorkerStarter, options: LintWorkerOptions = {}) {
    this.#starter = starter;
    this.#idleMs = options.idleMs;
  }

  /** Whether a worker is running (test hook). */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  lint(text: string, options: LintOptions, signal?: AbortSignal): Promise<LintDiagnostic[]> {
    return this.#ask({ kind: 'lint', text, options }, signal).then((reply) => {
      if (!('diagnostics' in reply)) return unexpected(reply);
      this.lastStats = { chunks: reply.chunks, linted: reply.linted };
      return reply.diagnostics;
    });
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
    // A pending retirement never keeps the process alive.
    this.#idleTimer = unrefTimer(setTimeout(() => this.#retire(), this.#idleMs));
  }

  /** Takes the idle worker's pieces and stops it, unless a request came meanwhile (it is queued behind this). */
  #retire(): void {
    const worker = this.#worker;
    if (!worker || this.#asked > 0) return;
    this.#queue
      .run(async () => {
        if (this.#asked > 0 || this.#worker !== worker || this.#closed) return;
        const reply = await this.#run({ kind: 'pieces' }, undefined);
        if (this.#asked > 0 || this.#worker !== worker) return;
        if ('pieces' in reply) this.#kept = reply.pieces;
        this.#worker = undefined;
        await worker.terminate();
      })
      // A worker that failed to answer is gone already (see #run); the next request starts another.
      .catch(() => undefined);
  }

  async dispose(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#idleTimer);
    this.#kept = undefined;
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #run(request: LintRequest, signal: AbortSignal | undefined): Promise<LintReply> {
    signal?.throwIfAborted();
    if (this.#closed) throw new Error('The lint worker has been disposed');
    const worker = (this.#worker ??= this.#starter.start());
    const kept = this.#kept;
    if (kept && request.kind !== 'pieces') {
      // The new worker's first request brings what the last one kept (lost, as a cache, if this request fails).
      this.#kept = undefined;
      request = { ...request, pieces: kept };
    }
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
