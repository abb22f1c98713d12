import { resolveScanOptions, type ScanOptions } from '../scanner/scanner';
import type { MathOptions } from '../types';
import { frontMatterSaysMyst } from './frontMatter';

/** The scanner switches for this document: the options, with MyST on when `syntax: auto` and the front matter says MyST. */
export function documentScanOptions(text: string, math?: Partial<MathOptions>): ScanOptions {
  const syntax = math?.syntax ?? 'auto';
  return resolveScanOptions(math, syntax === 'auto' && frontMatterSaysMyst(text));
}
