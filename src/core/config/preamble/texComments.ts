// TeX comments (`%` to the end of the line, `\%` being a percent sign) in a preamble file.

/** The text with every comment replaced by spaces: same length and lines, so offsets still point into the file. */
export function blankComments(text: string): string {
  if (!text.includes('%')) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '%') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      if (text[end - 1] === '\r') end--;
      out += text.slice(from, i) + ' '.repeat(end - i);
      from = i = end;
    }
  }
  return out + text.slice(from);
}

/**
 * A definition's body as TeX reads it: a comment goes with its line end and the next line's
 * leading spaces (so `{%` at a line end adds nothing).
 */
export function stripComments(body: string): string {
  if (!body.includes('%')) return body;
  return body.replace(/((?:^|[^\\])(?:\\\\)*)%[^\n]*(?:\n[ \t]*)?/g, '$1');
}
