// Markdown with math: Marked plus the math extensions (lexing, positions) and the HTML renderer.
export type { ParsedDocument } from './parsedDocument';
export { parseMarkdown } from './parseMarkdown';
export { ParseCache, type HeldParse } from './parseCache';
export { renderBlocksHtml, renderFootnotes, renderHtml, type RenderBlocksOptions, type RenderHtmlOptions } from './renderHtml';
export type { PositionWriter } from './htmlRenderer';
export { tokensOfBlock, topLevelBlocks, type Block } from './topLevelBlocks';
export { formulaAt } from './formulaAt';
export { headingByFragment, headingIdsOf, headingsOf, type Heading } from './headings';
export { isMathToken, type MathToken, type SourceLineField } from './mathToken';
export { footnoteFormulaIndices, footnotesOf } from './footnotes';
