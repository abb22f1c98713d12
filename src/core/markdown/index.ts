// Markdown with math: Marked plus the math extensions (lexing, positions) and the HTML renderer.
export type { ParsedDocument } from './parsedDocument';
export { parseMarkdown } from './parseMarkdown';
export { renderHtml, type RenderHtmlOptions } from './renderHtml';
export { topLevelBlocks, type Block } from './topLevelBlocks';
export { formulaAt } from './formulaAt';
export { isMathToken, type MathToken, type SourceLineField } from './mathToken';
