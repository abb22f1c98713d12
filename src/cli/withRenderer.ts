import { MathdownRenderer } from '../node/coreEntry';
import { CLI_RENDERER_OPTIONS } from './rendererOptions';

/** Runs `fn` with a renderer whose worker sits beside the CLI bundle, and always disposes it. */
export async function withRenderer<T>(fn: (renderer: MathdownRenderer) => Promise<T>): Promise<T> {
  const renderer = new MathdownRenderer(CLI_RENDERER_OPTIONS);
  try {
    return await fn(renderer);
  } finally {
    await renderer.dispose();
  }
}
