// The tests module of the Restricted Mode run (runExtensionTests.mjs --untrusted): the same runner
// as the main suites, over the suites in this folder (bundled beside it).
export { run } from '../index';
