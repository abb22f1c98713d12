// The typesetting engine bundled against MathJax's published ES5 build (mathjax-full/js), which
// esbuild.mjs otherwise replaces with MathJax's TypeScript source: mathjaxFromSource.test.ts
// compares the two. Built on its own by `node esbuild.mjs --tests`, without that replacement.
export { MathJaxEngine } from '../../../src/core/mathjax/mathjaxEngine';
export { default as TexParser } from 'mathjax-full/js/input/tex/TexParser.js';
