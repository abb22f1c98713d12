import { Marked, Tokenizer } from 'marked';
import { scanOptionsKey, type ScanOptions } from '../scanner/scanner';
import { maskMath } from './emStrongMask';
import { footnoteDefExtension, footnoteRefExtension } from './footnoteExtensions';
import { frontMatterExtension } from './frontMatter';
import { htmlBlockMath } from './htmlBlockMath';
import { lexLinkTextAsWritten } from './linkLabel';
import { blockMathExtension, inlineMathExtension } from './mathExtensions';
import { mathTable } from './mathTable';
import { mystDirectiveExtension, mystTargetExtension } from './mystDirectives';

const instances = new Map<string, Marked>();

/** The Marked instance (never the global `marked`) that lexes with the math extensions for these options. */
export function lexingMarked(options: ScanOptions): Marked {
  const key = scanOptionsKey(options);
  let marked = instances.get(key);
  if (!marked) {
    marked = new Marked({
      gfm: true,
      extensions: [
        frontMatterExtension,
        footnoteDefExtension,
        blockMathExtension(options),
        ...(options.myst ? [mystDirectiveExtension, mystTargetExtension] : []),
        footnoteRefExtension,
        inlineMathExtension(options),
      ],
      tokenizer: {
        table(src) {
          return mathTable(this, src, options);
        },
        html(src) {
          return htmlBlockMath(this, src, options);
        },
        link(src) {
          return lexLinkTextAsWritten(this, Tokenizer.prototype.link.call(this, src));
        },
        reflink(src, links) {
          return lexLinkTextAsWritten(this, Tokenizer.prototype.reflink.call(this, src, links));
        },
      },
      hooks: {
        emStrongMask(masked) {
          return maskMath(masked, options);
        },
      },
    });
    instances.set(key, marked);
  }
  return marked;
}
