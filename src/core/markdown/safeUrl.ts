import { decodeHTML } from 'entities/decode';

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp', 'ftps']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/**
 * Is a link or image URL safe to emit? Relative URLs and fragments are; absolute ones only
 * with a known harmless scheme, and `data:` only for images of an image type.
 * Entity references are decoded and control characters and whitespace ignored first, as browsers
 * do (`&#106;avascript:`, `java\tscript:`).
 */
export function isSafeUrl(url: string, kind: 'link' | 'image'): boolean {
  const compact = decodeHTML(url)
    .replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
    .toLowerCase();
  const scheme = SCHEME.exec(compact)?.[1];
  if (scheme === undefined) return true;
  if (scheme === 'data') return kind === 'image' && compact.startsWith('data:image/');
  return LINK_SCHEMES.has(scheme);
}

/** Marked's URL cleaning: percent-encode what needs it, keep existing escapes. Null when the URL cannot be encoded. */
export function cleanUrl(url: string): string | null {
  try {
    return encodeURI(url).replace(/%25/g, '%');
  } catch {
    return null;
  }
}
