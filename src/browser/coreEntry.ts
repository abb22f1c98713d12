// The core in a browser (VS Code's web worker extension host): its public API, bundled into
// dist/web/extension.js, with Web Workers for its typesetting and lint threads. The Node
// counterpart is src/node/coreEntry.ts.
export * from '../core';
export { scriptBlobUrl, webWorkerStarter } from './platform/webWorkers';
