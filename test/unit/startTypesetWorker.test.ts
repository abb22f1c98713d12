import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { startTypesetWorker } from '../../src/node/platform/startTypesetWorker';
import { Typesetter } from './helpers/nodeTypesetter';

const WORKER = join(__dirname, 'typesetWorker.js');
const request = { jobs: [{ tex: 'x^2', display: false }], macros: {}, equationNumbers: 'ams' as const };

test('a worker started before the typesetter, and ready long before it is handed over, is the one used', async () => {
  const started = startTypesetWorker(WORKER);
  await started.ready;
  // Its 'ready' came while nobody but startTypesetWorker listened.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exited = new Promise((resolve) => started.worker.listen({ exit: resolve }));
  const typesetter = new Typesetter({ workerFile: WORKER, startedWorker: started, helpers: 0, timeoutMs: 60_000 });
  const { formulas } = await typesetter.typeset(request);
  assert.equal(formulas[0]!.error, undefined);
  assert.match(formulas[0]!.html, /^<mjx-container/);
  await typesetter.dispose();
  await exited;
});

test('a started worker that fails makes the first typeset fail with the reason, without waiting for the boot timeout', async () => {
  const started = startTypesetWorker('/nonexistent/typesetWorker.js');
  const typesetter = new Typesetter({ workerFile: '/nonexistent/typesetWorker.js', startedWorker: started, helpers: 0 });
  try {
    await assert.rejects(
      typesetter.typeset(request),
      /Typesetting worker failed to start \(\/nonexistent\/typesetWorker\.js\): .*Cannot find module/,
    );
  } finally {
    await typesetter.dispose();
  }
});

test('after a started worker is stopped, the typesetter starts its own', async () => {
  const started = startTypesetWorker(WORKER);
  const typesetter = new Typesetter({ workerFile: WORKER, startedWorker: started, helpers: 0, timeoutMs: 60_000 });
  try {
    await typesetter.typeset(request);
    await started.worker.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { formulas } = await typesetter.typeset({ ...request, jobs: [{ tex: 'y^3', display: true }] });
    assert.match(formulas[0]!.html, /^<mjx-container/);
  } finally {
    await typesetter.dispose();
  }
});
