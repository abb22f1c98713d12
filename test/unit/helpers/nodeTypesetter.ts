// The core's Typesetter with Node's platform filled in, as src/node's MathdownRenderer gets it (the
// product reaches the typesetter only through the renderer; these tests call it directly).
import { Typesetter as CoreTypesetter } from '../../../src/core/typeset/typesetter';
import { nodeRendererOptions, type NodeRendererOptions } from '../../../src/node/platform/nodeRendererOptions';

export * from '../../../src/core/typeset/typesetter';

export class Typesetter extends CoreTypesetter {
  constructor(options: NodeRendererOptions = {}) {
    super(nodeRendererOptions(options));
  }
}
