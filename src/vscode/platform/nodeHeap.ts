// The Node extension host's heap (HeapRelease): read through node:v8, collected through an
// in-process inspector session. A plain gc() frees the garbage but keeps the pages it stood in; the
// inspector's collection is V8's low-memory one, which also compacts and returns them.
import { getHeapStatistics } from 'node:v8';
import type { HostHeap } from '../schedule/heapRelease';

export const nodeHeap: HostHeap = {
  usage: () => {
    const stats = getHeapStatistics();
    return { total: stats.total_heap_size, used: stats.used_heap_size };
  },
  collect: async () => {
    // Loaded when first needed: a Node built without the inspector throws on loading it.
    const { Session } = await import('node:inspector');
    const session = new Session();
    session.connect();
    try {
      await new Promise<void>((resolve, reject) => session.post('HeapProfiler.collectGarbage', (err) => (err ? reject(err) : resolve())));
    } finally {
      session.disconnect();
    }
  },
};
