// The core (Marked, the sanitizer, lint rules, completion tables: most of the extension's code)
// is the separate bundle dist/core.js (`mathdown/core`, with Node's platform), loaded on first use
// rather than at activation.
import { join } from 'node:path';
import type * as Core from '../node/coreEntry';

let loaded: typeof Core | undefined;

export function core(): typeof Core {
  // A computed path, so that esbuild leaves this require to run time instead of bundling the core.
  return (loaded ??= require(join(__dirname, 'core.js')) as typeof Core);
}
