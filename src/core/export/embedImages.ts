import { escapeHtml, unescapeHtml } from './escapeHtml';

/** Reads an image the document refers to; undefined keeps the reference as it is. */
export type ImageLoader = (src: string) => Promise<{ mime: string; data: Uint8Array } | undefined>;

const IMG_SRC = /(<img\b[^>]*?\ssrc=)("[^"]*"|'[^']*')/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for a `src` that names a file relative to the document (or an absolute path), not a URL. */
export function isLocalImageSource(src: string): boolean {
  return src !== '' && !src.startsWith('//') && !src.startsWith('#') && (!HAS_SCHEME.test(src) || /^file:/i.test(src) || /^[a-z]:[\\/]/i.test(src));
}

function base64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Replaces the `src` of every `<img>` that names a local file with a `data:` URI from `load`.
 * Each distinct source is loaded once; a source the loader cannot read stays as written.
 */
export async function embedImages(html: string, load: ImageLoader): Promise<string> {
  const sources = new Set<string>();
  for (const m of html.matchAll(IMG_SRC)) {
    const src = unescapeHtml(m[2].slice(1, -1));
    if (isLocalImageSource(src)) sources.add(src);
  }
  if (sources.size === 0) return html;
  const uris = new Map<string, string>();
  await Promise.all([...sources].map(async (src) => {
    const image = await load(src).catch(() => undefined);
    if (image && /^[a-z]+\/[a-z0-9.+-]+$/i.test(image.mime)) uris.set(src, `data:${image.mime};base64,${base64(image.data)}`);
  }));
  return html.replace(IMG_SRC, (whole, head: string, quoted: string) => {
    const uri = uris.get(unescapeHtml(quoted.slice(1, -1)));
    return uri ? `${head}"${escapeHtml(uri)}"` : whole;
  });
}
