import { escapeHtml, unescapeHtml } from '../../shared/escapeHtml';

/** Reads an image the document refers to; undefined keeps the reference as it is. */
export type ImageLoader = (src: string) => Promise<{ mime: string; data: Uint8Array } | undefined>;

/** A new `src` for a local image reference, or undefined to keep it. */
export type ImageRewriter = (src: string) => Promise<string | undefined>;

const IMG_SRC = /(<img\b[^>]*?\ssrc=)("[^"]*"|'[^']*')/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for a `src` that names a file relative to the document (or an absolute path), not a URL. */
export function isLocalImageSource(src: string): boolean {
  return (
    src !== '' &&
    !src.startsWith('//') &&
    !src.startsWith('#') &&
    (!HAS_SCHEME.test(src) || /^file:/i.test(src) || /^[a-z]:[\\/]/i.test(src))
  );
}

function base64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Replaces the `src` of every `<img>` that names a local file by `rewrite`'s answer; each distinct source is asked once. */
export async function rewriteLocalImages(html: string, rewrite: ImageRewriter): Promise<string> {
  const sources = new Set<string>();
  for (const m of html.matchAll(IMG_SRC)) {
    const src = unescapeHtml(m[2].slice(1, -1));
    if (isLocalImageSource(src)) sources.add(src);
  }
  if (sources.size === 0) return html;
  const replaced = new Map<string, string>();
  await Promise.all(
    [...sources].map(async (src) => {
      const to = await rewrite(src).catch(() => undefined);
      if (to !== undefined) replaced.set(src, to);
    }),
  );
  return html.replace(IMG_SRC, (whole, head: string, quoted: string) => {
    const to = replaced.get(unescapeHtml(quoted.slice(1, -1)));
    return to === undefined ? whole : `${head}"${escapeHtml(to)}"`;
  });
}

/** Embeds every local image `load` can read as a `data:` URI; the others stay as written. */
export function embedImages(html: string, load: ImageLoader): Promise<string> {
  return rewriteLocalImages(html, async (src) => {
    const image = await load(src);
    return image && /^[a-z]+\/[a-z0-9.+-]+$/i.test(image.mime) ? `data:${image.mime};base64,${base64(image.data)}` : undefined;
  });
}
