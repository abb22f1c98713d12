import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './typesetProtocol';

type Reply = Exclude<WorkerReply, { type: 'ready' }>;
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** How a request ended when the worker did not answer it. */
export type RequestFailure = { type: 'timeout' } | { type: 'crashed'; message: string };

interface Pending {
  resolve: (reply: Reply | RequestFailure) => void;
  timer: NodeJS.Timeout;
}

const BOOT_TIMEOUT_MS = 60_000;

/**
 * One typesetting worker at a time: started on first use, terminated and replaced when a request
 * runs over its time budget or the thread dies. Idle workers do not keep the process alive.
 */
export class TypesetWorkerClient {
  /** Increases each time a new worker is started (its state starts empty). */
  generation = 0;
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  /** `build` makes the message once the worker is up, knowing which generation will receive it. */
  async request(build: Request | ((generation: number) => Request), timeoutMs: number): Promise<Reply | RequestFailure> {
    const worker = await this.start();
    const message = typeof build === 'function' ? build(this.generation) : build;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { type: 'timeout' });
        void this.terminate();
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.ref();
      worker.postMessage({ ...message, id });
    });
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.failAll('the typesetting worker was stopped');
    if (worker) await worker.terminate();
  }

  private start(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      this.worker = worker;
      this.generation++;
      const down = (reason: string): void => {
        clearTimeout(boot);
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
          this.failAll(`the typesetting worker stopped: ${reason}`);
        }
        void worker.terminate();
        reject(new Error(`Typesetting worker failed to start (${this.file}): ${reason}`));
      };
      const boot = setTimeout(() => down('no answer within 60 s'), BOOT_TIMEOUT_MS);
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          clearTimeout(boot);
          worker.unref();
          resolve(worker);
        } else {
          this.settle(reply.id, reply);
        }
      });
      worker.on('error', (err) => down(err.message));
      worker.on('exit', (code) => down(`exited with code ${code}`));
    });
    return this.ready;
  }

  private failAll(message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { type: 'crashed', message });
  }

  private settle(id: number, reply: Reply | RequestFailure): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.unref();
    pending.resolve(reply);
  }
}
