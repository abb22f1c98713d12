export { MathdownRenderer } from './render';
export type { CellsResult, FirstScreen, MathdownRendererOptions, RenderedBlock, RenderOptions, RenderResult } from './renderTypes';
export { RendererPool, type RendererPoolOptions } from './rendererPool';
export { cellPreview, mayPaintAlone, CELL_PREVIEW_MATH, type CellPreview } from './cellPreview';
