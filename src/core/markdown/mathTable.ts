import type { Tokenizer, Tokens } from 'marked';
import type { ScanOptions } from '../scanner/scanner';
import { splitTableRow, type CellSource } from './tableCells';

/** Where a cell's text sits in the table's raw source: line index in `raw`, start column, removed backslashes. */
export interface CellOrigin {
  line: number;
  start: number;
  deletions: number[];
}

/** A table cell that remembers its origin, for source positions of the formulas inside. */
export interface SourceTableCell extends Tokens.TableCell {
  origin?: CellOrigin;
}

/**
 * Marked's GFM table tokenizer with math-aware cell splitting (`splitTableRow`). Table extent and
 * alignment follow Marked's own rules; returns undefined where Marked would not see a table.
 */
export function mathTable(tokenizer: Tokenizer, src: string, options: ScanOptions): Tokens.Table | undefined {
  const rules = tokenizer.rules;
  const cap = rules.block.table.exec(src);
  if (!cap || !rules.other.tableDelimiter.test(cap[2]!)) return undefined;
  const raw = cap[0].replace(/\n+$/, '');
  const lines = raw.split('\n');
  const header = splitTableRow(lines[0]!, options);
  const aligns = cap[2]!.replace(rules.other.tableAlignChars, '').split('|');
  if (header.length !== aligns.length) return undefined;

  const align = aligns.map((a) =>
    rules.other.tableAlignRight.test(a)
      ? ('right' as const)
      : rules.other.tableAlignCenter.test(a)
        ? ('center' as const)
        : rules.other.tableAlignLeft.test(a)
          ? ('left' as const)
          : null,
  );
  const cell = (source: CellSource, line: number, column: number, isHeader: boolean): SourceTableCell => ({
    text: source.text,
    tokens: tokenizer.lexer.inline(source.text),
    header: isHeader,
    align: align[column] ?? null,
    origin: { line, start: source.start, deletions: source.deletions },
  });

  const rowLines = cap[3]?.trim() ? lines.slice(2) : [];
  if (rowLines.length > 0 && !rowLines.at(-1)!.trim()) rowLines.pop();
  return {
    type: 'table',
    raw,
    align,
    header: header.map((source, column) => cell(source, 0, column, true)),
    rows: rowLines.map((row, r) => splitTableRow(row, options, header.length).map((source, column) => cell(source, r + 2, column, false))),
  };
}
