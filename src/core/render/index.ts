export { MathdownRenderer, type RendererOptions } from './render';
export type { FirstScreen, RenderedBlock, RenderOptions, RenderResult } from './renderTypes';
