// The tests module for the multi-root fixture (test/fixtures/multi-root, opened through its
// .code-workspace by scripts/e2e/run.sh): the suites beside this file, run as the main ones are.
export { run } from '../index';
