// A block's identity for the preview, independent of where the block sits: the core's HTML
// carries absolute source lines (data-line) and formula numbers (data-formula), so inserting one
// line at the top would otherwise change every block below it. With keys made relative, those
// blocks stay in the webview, which only shifts their attributes.
import { createHash } from 'node:crypto';

export function positionFreeKey(html: string, startLine: number, formulaBase: number): string {
  const relative = html
    .replace(/ data-line="(\d+)"/g, (_, n: string) => ` data-line="${Number(n) - startLine}"`)
    .replace(/ data-formula="(\d+)"/g, (_, n: string) => ` data-formula="${Number(n) - formulaBase}"`);
  return createHash('sha1').update(relative).digest('base64url');
}
