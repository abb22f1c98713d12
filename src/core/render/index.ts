export { MathdownRenderer } from './render';
export type { FirstScreen, MathdownRendererOptions, RenderedBlock, RenderOptions, RenderResult } from './renderTypes';
export { RendererPool, type RendererPoolOptions } from './rendererPool';
