// Options of every renderer the CLI makes. A formula's typesetting cap is longer than the editor's:
// the editor shows a formula that ran out of time as an error and typesets it again a minute
// later, the CLI has one pass, so a busy CI machine must not turn a slow formula into a lint error.
// A runaway formula is still stopped, only later.
import type { MathdownRendererOptions } from '../core';

export const CLI_RENDERER_OPTIONS: Pick<MathdownRendererOptions, 'timeoutMs'> = { timeoutMs: 20_000 };
