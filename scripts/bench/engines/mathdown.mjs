// Mathdown through its public core API (`mathdown/core` = dist/core.js, or run.mjs's snapshot of it),
// with the typesetting worker beside it (a worker_thread of the same process: its memory counts in
// this process's RSS).
import path from 'node:path';
import { distDir, requireFromRepo } from './repo.mjs';

export const label = 'Mathdown (dist/core.js)';

/**
 * As the preview renders: one document key (incremental re-lexing), the shared glyph cache and
 * MathJax's assistive MathML beside each SVG. MATHDOWN_BENCH_ASSISTIVE_MML=0 leaves the MathML out,
 * to measure what it costs (the preview has no such switch: Copy MathML and screen readers need it).
 */
export const RENDER_OPTIONS = { math: {}, fontCache: 'global', documentKey: 'bench', assistiveMml: process.env.MATHDOWN_BENCH_ASSISTIVE_MML !== '0' };

/**
 * As the extension's LazyRenderer.get(): the typesetting worker is started first, so that its
 * start-up overlaps loading the core, and handed over to the renderer.
 */
export function create() {
  const workerFile = path.join(distDir, 'typesetWorker.js');
  const startedWorker = requireFromRepo(path.join(distDir, 'startTypesetWorker.js')).startTypesetWorker(workerFile);
  const core = requireFromRepo(path.join(distDir, 'core.js'));
  if (typeof core.MathdownRenderer !== 'function') throw new Error('dist/core.js does not export MathdownRenderer yet');
  const renderer = new core.MathdownRenderer({ workerFile, startedWorker });
  return {
    render: async (text) => {
      const result = await renderer.render(text, RENDER_OPTIONS);
      const errors = result.formulas.filter((f) => f.error).length;
      return { html: result.html, formulas: result.formulas.length, errors, blocks: result.blocks.length, stats: result.stats };
    },
    /** The formula cache as text (`MathdownRenderer.serializeCache`), and restoring it into this renderer. */
    serializeCache: () => renderer.serializeCache('bench'),
    loadCache: (text) => renderer.loadCache(Promise.resolve(text), 'bench'),
    /** The core's own result (formulas with their errors), without document key: for the hostile-TeX task. */
    renderResult: (text) => renderer.render(text, { math: {}, fontCache: 'global' }),
    /**
     * The preview's first paint of a long document: `render` with `firstScreen` (lines
     * [0, toLine)), resolved with the provisional result; the full render goes on behind it.
     */
    renderFirstScreen: (text, toLine) => new Promise((resolve, reject) => {
      const full = renderer.render(text, { ...RENDER_OPTIONS, firstScreen: { fromLine: 0, toLine, onResult: (r) => resolve({
        html: r.html,
        formulas: r.formulas.length,
        typeset: r.html.split('<mjx-container').length - 1,
        pending: r.html.split('mathdown-typesetting').length - 1,
        errors: r.formulas.filter((f) => f.error).length,
        blocks: r.blocks.length,
        stats: r.stats,
      }) } });
      full.then(() => reject(new Error('firstScreen: the full result came without a provisional one')), () => undefined);
    }),
    visibleRangeApi: ['render(text, { firstScreen })'],
    dispose: () => renderer.dispose(),
  };
}

export const countMath = (html) => html.split('<mjx-container').length - 1;
