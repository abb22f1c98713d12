/** What a Markdown renderer without math support does to a character range of the source. */
export type MarkKind =
  | 'emphasis' // `*`/`_` delimiter run consumed as <em>/<strong>
  | 'strikethrough' // `~` run consumed as <del> (GFM)
  | 'code' // backtick run opening or closing a code span
  | 'code-block' // (for a formula) the code block around it
  | 'link' // `[`, `](…)`, `![…](…)` consumed as a link or image
  | 'escape' // backslash dropped before ASCII punctuation
  | 'hardbreak' // backslash dropped before a line ending
  | 'html' // raw HTML tag or comment passed to the browser
  | 'autolink' // `<scheme:…>` or a bare GFM URL turned into a link
  | 'entity' // `&name;` decoded by the browser
  | 'table-pipe' // `|` splitting a GFM table cell, or `\|` losing its backslash there
  | 'dropped-cell'; // a table cell beyond the header's column count, which GFM drops

export interface PlainMark {
  kind: MarkKind;
  offset: number;
  endOffset: number;
  /** For paired markup (emphasis, strikethrough, code, link): the offset of the other half. */
  partner?: number;
}
