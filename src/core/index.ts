// Public API of the Mathdown core: no vscode, DOM or Node imports below this folder (it takes its
// platform as options, see platform/). `mathdown/core` in Node is src/node/coreEntry.ts: this plus Node's platform.
export * from './types';
export * from './config/settings';
export * from './config/parseSettings';
export * from './config/configHost';
export * from './config/loadProjectSettings';
export * from './config/documentMath';
export { parsePreamble, type ParsedPreamble, type PreambleDefinition, type PreambleProblem } from './config/preamble/parsePreamble';
export { OPTIONAL_TEX_PACKAGES } from './mathjax/texPackages';
export * from './export';
export * from './markdown';
export * from './render';
export * from './lint';
export * from './authoring';
