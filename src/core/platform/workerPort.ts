// What the core needs from its host to run work in another thread: start a worker and talk to it
// (host side), and receive and answer messages (worker side). The host's implementations live
// outside the core: src/node/platform for Node's worker threads; a Web Worker can serve the same.

/** What a worker may report to whoever started it. */
export interface WorkerListeners<Receive> {
  message?: (message: Receive) => void;
  /** An error the worker did not catch (it then stops), or its failure to start. */
  error?: (error: Error) => void;
  /** The worker stopped; hosts that cannot tell (a Web Worker) never call this. */
  exit?: (code: number) => void;
}

/** A started worker, as the thread that started it sees it. */
export interface WorkerPort<Send, Receive> {
  /** Throws if `message` cannot be copied to the worker (a DataCloneError). */
  postMessage(message: Send): void;
  /** Adds listeners; returns the function that removes them again. */
  listen(listeners: WorkerListeners<Receive>): () => void;
  terminate(): Promise<void>;
  /**
   * Whether the worker keeps its host alive while it is idle: `true` while an answer is awaited, `false`
   * otherwise, so that a command-line run ends when its work is done (a no-op where hosts do not wait).
   */
  keepAlive(alive: boolean): void;
}

/** Starts workers of one kind (one script) on the host. */
export interface WorkerStarter<Send, Receive> {
  /** Names the worker's script in error messages (its path or URL). */
  readonly name: string;
  start(): WorkerPort<Send, Receive>;
}

/** A worker's own end of the channel to whoever started it. */
export interface ServingPort<Receive, Send> {
  postMessage(message: Send): void;
  onMessage(listener: (message: Receive) => void): void;
}
