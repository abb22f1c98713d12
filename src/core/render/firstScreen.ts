import { escapeHtml } from '../../shared/escapeHtml';
import { MAY_DEFINE } from '../mathjax/texEffects';
import type { FirstScreen } from './renderTypes';
import type { Formula } from '../types';

/** Lines of text past `toLine` the provisional result still covers, so that it fills the screen. */
const MARGIN_LINES = 40;

/** Text a provisional result must leave out, at least, to be worth making. */
const MIN_REST_CHARS = 32_000;

/**
 * The end of the text the provisional result is made from: the first blank line at or after
 * `toLine + MARGIN_LINES`; undefined when there is none or when little text lies beyond it (the
 * whole document is then about as quick).
 */
export function firstScreenEnd(text: string, toLine: number): number | undefined {
  let offset = 0;
  for (let line = 0; line < toLine + MARGIN_LINES; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  const blank = text.indexOf('\n\n', offset - 1);
  if (blank < 0) return undefined;
  const rest = text.length - (blank + 1);
  return rest < MIN_REST_CHARS ? undefined : blank + 1;
}

/**
 * Whether a formula of the provisional text is typeset for it (see `FirstScreen`): those on the
 * screen, and above it those that may define macros the screen uses.
 */
export function typesetFirst(formula: Formula, screen: Pick<FirstScreen, 'fromLine' | 'toLine'>): boolean {
  const line = formula.line - 1;
  return line < screen.toLine && (line >= screen.fromLine || MAY_DEFINE.test(formula.tex));
}

/** A formula not typeset yet: its TeX, in place, until the full result replaces it. */
export function pendingBox(tex: string): string {
  return `<span class="mathdown-typesetting" title="Typesetting…"><code>${escapeHtml(tex)}</code></span>`;
}
