/** The text with `\r\n` and `\r` turned into `\n`, and a map from its offsets back to the original. */
export interface Normalised {
  text: string;
  toOriginal(offset: number): number;
}

export function normaliseNewlines(text: string): Normalised {
  if (!text.includes('\r')) return { text, toOriginal: (o) => o };
  const crlfBefore: number[] = [];
  let out = '';
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      removed++;
      continue;
    }
    out += text[i] === '\r' ? '\n' : text[i];
    crlfBefore.push(removed);
  }
  crlfBefore.push(removed);
  return { text: out, toOriginal: (o) => o + crlfBefore[Math.min(o, crlfBefore.length - 1)] };
}
