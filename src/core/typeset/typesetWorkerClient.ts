import { watchStart, type StartedWorker, type TypesetWorkerPort, type TypesetWorkerStarter } from './startedWorker';
import { initialDefinitions } from './typesetKeys';
import type { EngineConfig, FormulaSpec, WorkerReply, WorkerRequest } from './typesetProtocol';

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
 * What an idle worker does with its memory. A MathJax worker's heap grows with the formulas it has
 * typeset and is not given back while the thread lives; a thread stopped gives all of it back.
 */
export interface IdleRetirement {
  /** Time without a request after which the worker is stopped (or renewed). */
  idleMs: number;
  /**
   * `false`: the worker stops and starts again on the next request (a helper, used by long
   * documents only). A number: the worker is replaced by a fresh one, started at once so that the
   * next request finds it ready, once it has typeset at least this many formulas since it started.
   */
  renewAfter: number | false;
}

/** What a renewed worker typesets first, so that MathJax's common paths are compiled before the reader's next keystroke. */
const WARM_UP: FormulaSpec[] = [
  { tex: 'x_1^2 + \\frac{a}{b} = \\sqrt{y}', display: false },
  { tex: '\\sum_{k=1}^{n} k \\int_0^1 f(t)\\,dt', display: true },
];

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
  /** Formulas the running worker has typeset since it started. */
  #typesetSinceStart = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The engine of the last typesetting request, which a renewed worker builds and warms up at once. */
  #lastEngine: { configKey: string; config: EngineConfig } | undefined;

  readonly #starter: TypesetWorkerStarter;
  readonly #idle: IdleRetirement | undefined;

  /**
   * `started`: a worker already started by `starter` (see watchStart), taken as the first one.
   * `idle`: what to do once the worker has been idle a while (nothing by default: a process that
   * ends after its work, as the CLI's, gains nothing from it).
   */
  constructor(starter: TypesetWorkerStarter, started?: StartedWorker, idle?: IdleRetirement) {
    this.#starter = starter;
    this.#idle = idle;
    if (started) this.#start(started).catch(() => undefined);
  }

  /** `build` makes the message once the worker is up, knowing which generation will receive it. */
  async request(build: Request | ((generation: number) => Request), limits: ExchangeLimits): Promise<Exchange> {
    if (this.#closed) throw new Error('Typesetter has been disposed');
    this.#cancelRetirement();
    const worker = await this.#start();
    const message = typeof build === 'function' ? build(this.generation) : build;
    if (message.type === 'render') this.#lastEngine = { configKey: message.configKey, config: message.config };
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
    this.#cancelRetirement();
    await this.terminate();
  }

  async terminate(): Promise<void> {
    this.#cancelRetirement();
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
      this.#typesetSinceStart = 0;
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
    if (reply.type === 'rendered') this.#typesetSinceStart++;
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
    if (this.#pending.size === 0) {
      this.#worker?.keepAlive(false);
      this.#scheduleRetirement();
    }
    pending.resolve(failure ? { replies: pending.replies, failure } : { replies: pending.replies });
  }

  #scheduleRetirement(): void {
    const idle = this.#idle;
    if (!idle || this.#closed || !this.#worker) return;
    this.#cancelRetirement();
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      if (this.#pending.size || this.#closed || !this.#worker) return;
      if (idle.renewAfter === false) void this.terminate();
      else if (this.#typesetSinceStart >= idle.renewAfter) void this.terminate().then(() => this.#warmUp());
    }, idle.idleMs);
  }

  /** Starts a fresh worker and has it typeset a little with the last request's engine (counted as its own work). */
  #warmUp(): void {
    const engine = this.#lastEngine;
    if (!engine) {
      this.prestart();
      return;
    }
    const { configKey, config } = engine;
    const definitions = initialDefinitions(configKey);
    this.request(
      // The labels sent (none) tell the fresh worker its label table; a document's next request sends its own.
      { type: 'render', configKey, config, definitions, counter: 0, labels: {}, formulas: WARM_UP, redo: false },
      { expected: WARM_UP.length, timeoutMs: 60_000 },
    ).catch(() => undefined);
  }

  #cancelRetirement(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }
}
