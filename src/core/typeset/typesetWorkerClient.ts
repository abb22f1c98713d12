import { watchStart, type StartedWorker, type TypesetWorkerPort, type TypesetWorkerStarter } from './startedWorker';
import type { WorkerReply, WorkerRequest } from './typesetProtocol';

export type Reply = Exclude<WorkerReply, { type: 'ready' }>;
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** Why a request ended before all its answers came. */
export type RequestFailure = { type: 'timeout' } | { type: 'crashed'; message: string };

/** The answers to one request, in order, and the failure that cut it short, if any. */
export interface Exchange {
  replies: Reply[];
  failure?: RequestFailure;
}

export interface ExchangeLimits {
  /** Number of 'rendered' answers that complete the request (any other answer ends it too). */
  expected: number;
  /** Time allowed for each answer, counted from the previous one. */
  timeoutMs: number;
  /** Time allowed for the first answer, if different. */
  firstTimeoutMs?: number;
}

interface Pending {
  replies: Reply[];
  limits: ExchangeLimits;
  timer: ReturnType<typeof setTimeout>;
  resolve: (exchange: Exchange) => void;
}

const BOOT_TIMEOUT_MS = 60_000;

/**
 * One typesetting worker at a time: started on first use, terminated and replaced when an answer
 * is later than its time budget or the thread dies. Idle workers do not keep the process alive.
 */
export class TypesetWorkerClient {
  /** Increases each time a new worker is started (its state starts empty). */
  generation = 0;
  #worker: TypesetWorkerPort | undefined;
  #ready: Promise<TypesetWorkerPort> | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  readonly #starter: TypesetWorkerStarter;

  /** `started`: a worker already started by `starter` (see watchStart), taken as the first one. */
  constructor(starter: TypesetWorkerStarter, started?: StartedWorker) {
    this.#starter = starter;
    if (started) this.#start(started).catch(() => undefined);
  }

  /** `build` makes the message once the worker is up, knowing which generation will receive it. */
  async request(build: Request | ((generation: number) => Request), limits: ExchangeLimits): Promise<Exchange> {
    if (this.#closed) throw new Error('Typesetter has been disposed');
    const worker = await this.#start();
    const message = typeof build === 'function' ? build(this.generation) : build;
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { replies: [], limits, resolve, timer: this.#timer(id, limits.firstTimeoutMs ?? limits.timeoutMs) });
      worker.keepAlive(true);
      worker.postMessage({ ...message, id });
    });
  }

  /** Starts the worker now, if it is not running, so that its start-up overlaps the caller's work. */
  prestart(): void {
    if (!this.#closed) this.#start().catch(() => undefined);
  }

  /** Terminate the worker for good: later requests are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.terminate();
  }

  async terminate(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    this.#failAll({ type: 'crashed', message: 'the typesetting worker was stopped' });
    if (worker) await worker.terminate();
  }

  #timer(id: number, ms: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      this.#settle(id, { type: 'timeout' });
      void this.terminate();
    }, ms);
  }

  #start(started?: StartedWorker): Promise<TypesetWorkerPort> {
    this.#ready ??= new Promise<TypesetWorkerPort>((resolve, reject) => {
      const { worker, ready } = started ?? watchStart(this.#starter.start());
      this.#worker = worker;
      this.generation++;
      const down = (reason: string): void => {
        clearTimeout(boot);
        if (this.#worker === worker) {
          this.#worker = undefined;
          this.#ready = undefined;
          this.#failAll({ type: 'crashed', message: `the typesetting worker stopped: ${reason}` });
        }
        void worker.terminate();
        reject(new Error(`Typesetting worker failed to start (${this.#starter.name}): ${reason}`));
      };
      const boot = setTimeout(() => down('no answer within 60 s'), BOOT_TIMEOUT_MS);
      ready.then(
        () => {
          clearTimeout(boot);
          worker.keepAlive(false);
          resolve(worker);
        },
        (err: Error) => down(err.message),
      );
      worker.listen({
        message: (reply: WorkerReply) => {
          if (reply.type !== 'ready') this.#receive(reply);
        },
        error: (err) => down(err.message),
        exit: (code) => down(`exited with code ${code}`),
      });
    });
    return this.#ready;
  }

  #receive(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    pending.replies.push(reply);
    clearTimeout(pending.timer);
    if (reply.type === 'rendered' && pending.replies.length < pending.limits.expected) {
      pending.timer = this.#timer(reply.id, pending.limits.timeoutMs);
    } else {
      this.#settle(reply.id);
    }
  }

  #failAll(failure: RequestFailure): void {
    for (const id of [...this.#pending.keys()]) this.#settle(id, failure);
  }

  #settle(id: number, failure?: RequestFailure): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    if (this.#pending.size === 0) this.#worker?.keepAlive(false);
    pending.resolve(failure ? { replies: pending.replies, failure } : { replies: pending.replies });
  }
}
