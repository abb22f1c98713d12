import { MapHandler } from 'mathjax-full/js/input/tex/MapHandler.js';
import { Macro } from 'mathjax-full/js/input/tex/Symbol.js';
import type { CommandMap } from 'mathjax-full/js/input/tex/SymbolMap.js';
import type { ParseMethod } from 'mathjax-full/js/input/tex/Types.js';
import type TexParser from 'mathjax-full/js/input/tex/TexParser.js';
import TexError from 'mathjax-full/js/input/tex/TexError.js';
import ParseUtil from 'mathjax-full/js/input/tex/ParseUtil.js';
import NodeUtil from 'mathjax-full/js/input/tex/NodeUtil.js';
import { numeric } from 'mathjax-full/js/util/Entities.js';

/**
 * MathJax's `\unicode` remembers the font of every code point in a module-level table that is
 * never cleared, so `\unicode{x41}` renders differently depending on what was typeset before,
 * even in another document. This is the same macro without that memory.
 */
function statelessUnicode(parser: TexParser, name: string): void {
  const hd = parser.GetBrackets(name);
  let font: string | null = null;
  if (hd) {
    font = /^(\d+(\.\d*)?|\.\d+),(\d+(\.\d*)?|\.\d+)$/.test(hd.replace(/ /g, '')) ? (parser.GetBrackets(name) ?? null) : hd;
  }
  const n = ParseUtil.trimSpaces(parser.GetArgument(name)).replace(/^0x/, 'x');
  if (!/^(x[0-9A-Fa-f]+|[0-9]+)$/.test(n)) {
    throw new TexError('BadUnicode', 'Argument to \\unicode must be a number');
  }
  const variant = parser.stack.env['font'] as string | undefined;
  const def: Record<string, string> = {};
  if (font) {
    def['fontfamily'] = font;
    if (variant && /bold/.test(variant)) def['fontweight'] = 'bold';
    if (variant && /italic|-mathit/.test(variant)) def['fontstyle'] = 'italic';
  } else if (variant) {
    def['mathvariant'] = variant;
  }
  const node = parser.create('token', 'mtext', def, numeric(n));
  NodeUtil.setProperty(node, 'unicode', true);
  parser.Push(node);
}

/** Replaces `\unicode` in the `unicode` package's command map (call after the package is loaded). */
export function installStatelessUnicode(): void {
  const map = MapHandler.getMap('unicode') as CommandMap | undefined;
  map?.add('unicode', new Macro('unicode', statelessUnicode as unknown as ParseMethod));
}
