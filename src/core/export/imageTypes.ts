// Which local images an export embeds: the image types by file extension, and how large one may be.
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.apng': 'image/apng',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
};

/** Larger images stay links: a data URI would make the page slow to open. */
export const MAX_EMBEDDED_IMAGE_BYTES = 20 * 1024 * 1024;

/** The MIME type of an image file by its name's extension; undefined for anything that is not an image. */
export function imageMimeType(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? path.slice(dot).toLowerCase() : '';
  return Object.hasOwn(IMAGE_TYPES, ext) ? IMAGE_TYPES[ext] : undefined;
}
