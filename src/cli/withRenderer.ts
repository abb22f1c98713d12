import { MathdownRenderer } from '../node/coreEntry';

/** Runs `fn` with a renderer whose worker sits beside the CLI bundle, and always disposes it. */
export async function withRenderer<T>(fn: (renderer: MathdownRenderer) => Promise<T>): Promise<T> {
  const renderer = new MathdownRenderer();
  try {
    return await fn(renderer);
  } finally {
    await renderer.dispose();
  }
}
