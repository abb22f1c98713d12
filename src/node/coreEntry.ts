// `mathdown/core` in Node (dist/core.js): the core's public API, with the classes that need a
// platform taking Node's by default (worker threads on the scripts beside this bundle, the core
// count, node:crypto), so that `new MathdownRenderer()` works with no set-up. The core itself
// (src/core/index.ts) takes its platform through these options and runs anywhere.
import { LintWorkerClient as CoreLintWorkerClient, type LintWorkerOptions } from '../core/lint/worker/lintWorkerClient';
import { MathdownRenderer as CoreMathdownRenderer } from '../core/render/render';
import { bundledFile } from './platform/bundledFile';
import { nodeRendererOptions, type NodeRendererOptions } from './platform/nodeRendererOptions';
import { workerThreadStarter } from './platform/workerThreads';

export * from '../core';
export type { NodeRendererOptions } from './platform/nodeRendererOptions';

export class MathdownRenderer extends CoreMathdownRenderer {
  constructor(options: NodeRendererOptions = {}) {
    super(nodeRendererOptions(options));
  }
}

export class LintWorkerClient extends CoreLintWorkerClient {
  /** `file`: the lint worker's script (default: lintWorker.js beside this bundle). */
  constructor(file = bundledFile('lintWorker.js'), options: LintWorkerOptions = {}) {
    super(workerThreadStarter(file), options);
  }
}
