// Typesetting workers as Node worker threads. Its own bundle too (dist/startTypesetWorker.js), so
// that a host can start the first worker before it loads the core (the extension's LazyRenderer,
// the benchmark) and hand it over as `startedWorker`.
import { watchStart, type StartedWorker, type TypesetWorkerStarter } from '../../core/typeset/startedWorker';
import { workerThreadStarter } from './workerThreads';

/** Starts typesetting worker threads on `file` (dist/typesetWorker.js). */
export function typesetWorkerStarter(file: string): TypesetWorkerStarter {
  return workerThreadStarter(file, { maxOldGenerationSizeMb: 1024 });
}

/** Starts one typesetting worker thread on `file` now, watching it for 'ready' from its first moment. */
export function startTypesetWorker(file: string): StartedWorker {
  return watchStart(typesetWorkerStarter(file).start());
}
