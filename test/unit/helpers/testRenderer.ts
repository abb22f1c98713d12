// The renderer as the tests that compare typeset output use it: each formula gets as long as a busy
// machine needs, so that a render never differs from another by a formula that overran the product's
// time budget. Tests of that budget (typesetterLimits, hardeningTex) use src/node/coreEntry's default.
import { MathdownRenderer as NodeMathdownRenderer } from '../../../src/node/coreEntry';
import type { NodeRendererOptions } from '../../../src/node/platform/nodeRendererOptions';

export * from '../../../src/node/coreEntry';

export const RELAXED_TIMEOUT_MS = 60_000;

export class MathdownRenderer extends NodeMathdownRenderer {
  constructor(options: NodeRendererOptions = {}) {
    super({ timeoutMs: RELAXED_TIMEOUT_MS, ...options });
  }
}
