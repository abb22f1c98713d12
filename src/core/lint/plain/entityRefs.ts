import { decodeHTMLStrict } from 'entities';

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g;

/** Ranges of the entity references in `s` that HTML decodes (CommonMark passes them through). */
export function entityRefs(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of s.matchAll(ENTITY)) {
    if (decodeHTMLStrict(m[0]) !== m[0]) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
