import { escapeHtml } from '../../shared/escapeHtml';

type GlyphList = ReadonlyArray<readonly [string, string]>;

/** How MathJax hides its glyph cache: as its style attribute, or as the declarations of a class. */
export const HIDDEN_STYLE = 'display: none;';

/**
 * The hidden `<svg>` holding the glyphs that formulas typeset with fontCache 'global' refer to,
 * in the form MathJax itself emits it; each glyph once, in order of first use. With `hiddenClass`,
 * that class (standing for HIDDEN_STYLE) hides it instead of a style attribute.
 *
 * Built on every render of a document with thousands of formulas, so it works on numbers: each
 * glyph id gets one, each glyph list (shared by every render that reuses a cached formula) is
 * translated once, and a render that uses the same glyphs in the same order (almost every edit)
 * returns the previous string.
 */
export class GlobalFontDefs {
  readonly #numbers = new Map<string, number>();
  readonly #paths: string[] = [];
  readonly #lists = new WeakMap<GlyphList, number[]>();
  /** `#seen[n] === #round` when glyph n was met in the current call. */
  readonly #seen: number[] = [];
  #round = 0;
  #lastOrder: number[] = [];
  #lastHidden: string | undefined;
  #last = '';

  of(glyphLists: Iterable<GlyphList>, hiddenClass?: string): string {
    const round = ++this.#round;
    const order: number[] = [];
    for (const glyphs of glyphLists) {
      for (const n of this.#numbered(glyphs)) {
        if (this.#seen[n] === round) continue;
        this.#seen[n] = round;
        order.push(n);
      }
    }
    if (!sameNumbers(order, this.#lastOrder) || hiddenClass !== this.#lastHidden) {
      this.#lastOrder = order;
      this.#lastHidden = hiddenClass;
      const hidden = hiddenClass ? `class="${hiddenClass}"` : `style="${HIDDEN_STYLE}"`;
      this.#last = order.length
        ? `<svg ${hidden} id="MJX-SVG-global-cache"><defs>${order.map((n) => this.#paths[n]).join('')}</defs></svg>`
        : '';
    }
    return this.#last;
  }

  #numbered(glyphs: GlyphList): number[] {
    let numbers = this.#lists.get(glyphs);
    if (numbers) return numbers;
    numbers = glyphs.map(([id, path]) => {
      let n = this.#numbers.get(id);
      if (n === undefined) {
        n = this.#paths.length;
        this.#numbers.set(id, n);
        this.#paths.push(`<path id="${escapeHtml(id)}" d="${escapeHtml(path)}"></path>`);
      }
      return n;
    });
    this.#lists.set(glyphs, numbers);
    return numbers;
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
