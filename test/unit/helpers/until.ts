import assert from 'node:assert/strict';

/**
 * Lets pending promise callbacks and worker messages run (setImmediate, which the tests that mock
 * setTimeout leave alone) until `done`; fails after a deadline generous for a busy machine.
 */
export async function until(done: () => boolean, what: string, deadlineMs = 120_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`not reached: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
