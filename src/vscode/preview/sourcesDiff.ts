// The change from the formula sources the preview holds to a new render's, as one splice: an edit
// touches a few formulas, so the list (the TeX of a long document) is sent whole only once.
import type { SourcesChange } from '../../shared/preview';

/** `previous` spliced with the result is `next`; undefined when they are equal. */
export function sourcesDiff(previous: readonly string[], next: readonly string[]): SourcesChange | undefined {
  let start = 0;
  const common = Math.min(previous.length, next.length);
  while (start < common && previous[start] === next[start]) start++;
  let tail = 0;
  while (tail < common - start && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  if (start === previous.length && start === next.length) return undefined;
  return { reset: false, start, deleteCount: previous.length - start - tail, items: next.slice(start, next.length - tail) };
}

/** Each formula as written in `text`, delimiters included. */
export function formulaSources(text: string, formulas: readonly { offset: number; endOffset: number }[]): string[] {
  return formulas.map((f) => text.slice(f.offset, f.endOffset));
}
