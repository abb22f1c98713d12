import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageMimeType, MAX_EMBEDDED_IMAGE_BYTES } from '../core/export/imageTypes';

export { MAX_EMBEDDED_IMAGE_BYTES };

/** The file a local image `src` names, resolved against the document's folder; undefined for URLs. */
export function localImagePath(src: string, documentDir: string): string | undefined {
  const bare = src.replace(/[?#].*$/, '');
  if (/^file:/i.test(bare)) {
    try {
      return fileURLToPath(bare);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) && !/^[a-z]:[\\/]/i.test(bare)) return undefined;
  let path = bare;
  try {
    path = decodeURI(bare);
  } catch {
    /* a literal % in the name */
  }
  return isAbsolute(path) ? path : resolve(documentDir, path);
}

/**
 * An image loader for `exportHtml`, reading files relative to `documentDir`. Only image types
 * (by extension) up to MAX_EMBEDDED_IMAGE_BYTES are read; anything else stays a link.
 */
export function localImageLoader(documentDir: string): (src: string) => Promise<{ mime: string; data: Uint8Array } | undefined> {
  return async (src) => {
    const path = localImagePath(src, documentDir);
    const mime = path && imageMimeType(path);
    if (!path || !mime) return undefined;
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_EMBEDDED_IMAGE_BYTES) return undefined;
      return { mime, data: await readFile(path) };
    } catch {
      return undefined;
    }
  };
}

/**
 * For `export.images: "link"` when the page is written to another folder than the document: a
 * relative image reference is rewritten to point from `outputDir` at the same file.
 */
export function localImageRelinker(documentDir: string, outputDir: string): (src: string) => Promise<string | undefined> {
  return async (src) => {
    if (resolve(documentDir) === resolve(outputDir) || /^[a-z][a-z0-9+.-]*:|^[\\/]/i.test(src)) return undefined;
    const path = localImagePath(src, documentDir);
    if (!path) return undefined;
    const suffix = /[?#].*$/.exec(src)?.[0] ?? '';
    return encodeURI(relative(outputDir, path).split(sep).join('/')) + suffix;
  };
}
