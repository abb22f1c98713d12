export { MathdownRenderer } from './render';
export type { FirstScreen, RenderedBlock, RenderOptions, RenderResult } from './renderTypes';
