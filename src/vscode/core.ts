// The core's code as the host provides it (src/vscode/platform): in Node the separate bundle
// dist/core.js (most of the extension's code), loaded on first use rather than at activation; in
// the browser the core bundled into the extension.
import type { CoreModule } from './platform/host';

let load: (() => CoreModule) | undefined;
let loaded: CoreModule | undefined;

/** Set once at activation by the host's entry. */
export function useCore(loader: () => CoreModule): void {
  load = loader;
  loaded = undefined;
}

export function core(): CoreModule {
  if (!load) throw new Error('Mathdown: the core is used before activation');
  return (loaded ??= load());
}
