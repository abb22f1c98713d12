import type { FormulaStore } from './typesetCache';
import type { EngineConfig } from './typesetProtocol';
import type { TypesetWorkerClient } from './typesetWorkerClient';

/** What one document's typesetting run works with. */
export interface DocumentContext {
  client: TypesetWorkerClient;
  cache: FormulaStore;
  timeoutMs: number;
  /** How long a timeout stays in the cache before the formula is tried again (the machine may have been busy). */
  timeoutRetryMs: number;
  maxTexLength: number;
  config: EngineConfig;
  configKey: string;
  /** MathJax's compile step only (see RenderRequest): errors and numbering effects, no HTML. */
  compileOnly?: boolean;
  signal: AbortSignal | undefined;
  /** Further workers that typeset, ahead of the in-order pass, formulas that look state-free. */
  helpers?: readonly TypesetWorkerClient[];
}
