/** What a line (container prefix removed) would start inside a paragraph, and the characters that start it. */
export interface BlockStart {
  what: string;
  length: number;
}

const STARTS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^#{1,6}(?=[ \t]|$)/, (m) => `\`${m[0]}\` starts a heading`],
  [/^(?:=+|-+)[ \t]*$/, (m) => `\`${m[0].trim()}\` underlines the lines above it as a heading`],
  [/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/, (m) => `\`${m[0].trim()}\` is a thematic break`],
  [/^[-+*](?=[ \t]+\S)/, (m) => `\`${m[0]} \` starts a list item`],
  [/^1[.)](?=[ \t]+\S)/, (m) => `\`${m[0]} \` starts a numbered list`],
  [/^>/, () => '`>` starts a block quote'],
  [/^(?:`{3,}|~{3,})/, (m) => `\`${m[0]}\` starts a code block`],
  [/^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|!--|\?|![A-Za-z])/, (m) => `\`${m[0]}\` starts an HTML block`],
  [/^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/, (m) => `\`${m[0].trim()}\` turns the line above it into a table header`],
];

export function blockStart(line: string): BlockStart | undefined {
  for (const [re, describe] of STARTS) {
    const m = re.exec(line);
    if (m) return { what: describe(m), length: Math.max(1, m[0].trimEnd().length) };
  }
  return undefined;
}
