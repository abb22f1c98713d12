import { join } from 'node:path';
import { MathdownRenderer } from '../core';

/** Runs `fn` with a renderer whose worker sits beside the CLI bundle, and always disposes it. */
export async function withRenderer<T>(fn: (renderer: MathdownRenderer) => Promise<T>): Promise<T> {
  const renderer = new MathdownRenderer({ workerFile: join(__dirname, 'typesetWorker.js') });
  try {
    return await fn(renderer);
  } finally {
    await renderer.dispose();
  }
}
