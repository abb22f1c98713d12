/** The processor cores the standard `navigator.hardwareConcurrency` reports (browsers, Node 21 and later); 1 where there is none. */
export function hardwareConcurrency(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: unknown } }).navigator?.hardwareConcurrency;
  return typeof cores === 'number' && cores >= 1 ? Math.floor(cores) : 1;
}
