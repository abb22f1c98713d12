import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Typesetter, type TypesetJob, type TypesetResult } from './helpers/nodeTypesetter';

const inline = (tex: string): TypesetJob => ({ tex, display: false });
const display = (tex: string): TypesetJob => ({ tex, display: true });

function drawn(html: string): string {
  return [...html.matchAll(/data-c="([0-9A-F]+)"/g)].map((m) => String.fromCodePoint(parseInt(m[1]!, 16))).join('');
}

const flat100k = 'a+'.repeat(50_000) + 'a';
const nested10k = '{'.repeat(10_000) + 'x' + '}'.repeat(10_000);

function isRendered(f: TypesetResult['formulas'][number]): boolean {
  return !f.error && f.html.startsWith('<mjx-container');
}

/** Run as a child process: typeset, optionally dispose, then simply return from the script. */
async function child(mode: string): Promise<void> {
  const ts = new Typesetter({ timeoutMs: 60_000 });
  const { formulas } = await ts.typeset({ jobs: [inline('x^2')], macros: {}, equationNumbers: 'ams' });
  if (mode === 'dispose') await ts.dispose();
  process.stdout.write(formulas[0]!.error ? 'error' : 'rendered');
}

if (process.env['MATHDOWN_TYPESET_CHILD']) {
  void child(process.env['MATHDOWN_TYPESET_CHILD']);
} else {
  describe('Typesetter: limits', () => {
    let ts: Typesetter;
    before(() => {
      // The outcomes tested with this one do not depend on time (only the pathological inputs do).
      ts = new Typesetter({ timeoutMs: 60_000 });
    });
    after(() => ts.dispose());

    it('turns pathological formulas into errors while the others render (default length cap)', async () => {
      const started = performance.now();
      const { formulas } = await ts.typeset({
        jobs: [
          inline('a_1'),
          inline(flat100k),
          inline('a_2'),
          inline('\\def\\a{\\a}\\a'),
          inline('a_3'),
          display(nested10k),
          inline('a_4'),
        ],
        macros: {},
        equationNumbers: 'ams',
      });
      console.log(
        `  100 KB a+a, \\def\\a{\\a}\\a and 10k nested braces among 4 normal formulas: ${(performance.now() - started).toFixed(0)} ms`,
      );
      assert.deepEqual(
        formulas.map((f) => f.error?.id ?? 'ok'),
        ['ok', 'TooLong', 'ok', 'MaxMacroSub1', 'ok', 'TooLong', 'ok'],
      );
      for (const k of [0, 2, 4, 6]) assert.ok(isRendered(formulas[k]!));
      for (const k of [1, 3, 5]) assert.match(formulas[k]!.html, /^<span class="mathdown-error" /);
      assert.match(formulas[1]!.error!.message, /100001 characters/);
    });

    it('stops a formula that runs too long, replaces the worker and carries the document state over', async () => {
      const big = new Typesetter({ maxTexLength: 1_000_000, timeoutMs: 5000 });
      try {
        const jobs = [
          display('\\newcommand{\\R}{\\mathbb{R}}'),
          display('\\begin{equation} a \\label{first} \\end{equation}'),
          inline(flat100k),
          inline('\\R^n'),
          display('\\begin{equation} b \\end{equation}'),
          inline('\\eqref{first}'),
          display(nested10k),
          inline('\\R'),
        ];
        const started = performance.now();
        const { formulas } = await big.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
        console.log(
          `  with a 1 MB length cap, the same plus a timeout and a worker restart: ${(performance.now() - started).toFixed(0)} ms`,
        );
        assert.equal(formulas[2]!.error?.id, 'Timeout');
        assert.match(formulas[2]!.html, /data-error-id="Timeout"/);
        assert.equal(formulas[3]!.error, undefined, 'the definition made before the timeout still applies');
        assert.equal(drawn(formulas[3]!.html), 'ℝ𝑛');
        assert.equal(drawn(formulas[4]!.html), '𝑏(2)', 'numbering continues');
        assert.equal(drawn(formulas[5]!.html), '(1)', 'labels are still known');
        // The stack overflows after a while; on a slow machine the time budget may run out first.
        assert.ok(['InternalError', 'Timeout'].includes(formulas[6]!.error!.id), formulas[6]!.error!.id);
        assert.equal(formulas[7]!.error, undefined);

        const again = await big.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
        assert.equal(again.stats.misses, 0, 'the timeout is remembered rather than retried');
        assert.deepEqual(
          again.formulas.map((f) => f.html),
          formulas.map((f) => f.html),
        );
      } finally {
        await big.dispose();
      }
    });

    it('typesets a timed-out formula again once its retry time has passed (the machine may have been busy)', async () => {
      const retrying = new Typesetter({ maxTexLength: 1_000_000, timeoutMs: 50, timeoutRetryMs: 0 });
      try {
        const jobs = [inline('x'), inline(flat100k)];
        // On a busy machine even `x` can overrun 50 ms in a fresh worker: typeset it until it is in
        // the cache (each try that times out is retried at once), so that what follows is about the long one.
        for (let tries = 0; tries < 50; tries++) {
          const warm = await retrying.typeset({ jobs: [jobs[0]!], macros: {}, equationNumbers: 'ams' });
          if (!warm.formulas[0]!.error) break;
        }
        const first = await retrying.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
        assert.equal(first.formulas[1]!.error?.id, 'Timeout');
        const again = await retrying.typeset({ jobs, macros: {}, equationNumbers: 'ams' });
        assert.equal(again.stats.hits, 1, 'the formula that rendered comes from the cache');
        assert.equal(again.stats.misses, 1, 'the timed-out one is tried again');
      } finally {
        await retrying.dispose();
      }
    });

    it('rejects with an AbortError when the signal fires, before or during the call', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(ts.typeset({ jobs: [inline('x')], macros: {}, equationNumbers: 'ams', signal: controller.signal }), {
        name: 'AbortError',
      });

      const running = new AbortController();
      const jobs = Array.from({ length: 300 }, (_, k) => inline(`\\sqrt{${k}} + \\frac{${k}}{y}`));
      const call = ts.typeset({ jobs, macros: {}, equationNumbers: 'ams', signal: running.signal });
      setImmediate(() => running.abort());
      await assert.rejects(call, { name: 'AbortError' });

      const { formulas } = await ts.typeset({ jobs: [inline('x')], macros: {}, equationNumbers: 'ams' });
      assert.ok(isRendered(formulas[0]!), 'the typesetter still works');
    });

    it('rejects a queued call as soon as it is aborted, while the running one completes', async () => {
      const slow = new Typesetter({ maxTexLength: 1_000_000, timeoutMs: 1000 });
      try {
        const order: string[] = [];
        const first = slow.typeset({ jobs: [inline(flat100k)], macros: {}, equationNumbers: 'ams' }).then((r) => (order.push('first'), r));
        const controller = new AbortController();
        const second = slow.typeset({ jobs: [inline('x')], macros: {}, equationNumbers: 'ams', signal: controller.signal });
        const secondDone = second.then(
          () => order.push('second resolved'),
          (err: Error) => order.push(`second ${err.name}`),
        );
        controller.abort();
        await Promise.all([first, secondDone]);
        assert.deepEqual(order, ['second AbortError', 'first']);
        assert.equal((await first).formulas[0]!.error?.id, 'Timeout');
      } finally {
        await slow.dispose();
      }
    });

    it('runs concurrent calls one after the other, each with its own document state', async () => {
      const docA = [inline('\\newcommand{\\R}{\\mathbb{R}}'), inline('\\R'), display('\\begin{equation} a \\end{equation}')];
      const docB = [inline('\\R'), display('\\begin{equation} b \\end{equation}'), display('\\begin{equation} c \\end{equation}')];
      const [a, b, a2] = await Promise.all([docA, docB, docA].map((jobs) => ts.typeset({ jobs, macros: {}, equationNumbers: 'ams' })));
      assert.equal(a!.formulas[1]!.error, undefined);
      assert.equal(drawn(a!.formulas[2]!.html), '𝑎(1)');
      assert.equal(b!.formulas[0]!.error?.id, 'UndefinedControlSequence');
      assert.deepEqual(
        b!.formulas.slice(1).map((f) => drawn(f.html)),
        ['𝑏(1)', '𝑐(2)'],
      );
      assert.deepEqual(
        a2!.formulas.map((f) => f.html),
        a!.formulas.map((f) => f.html),
      );
    });

    it('rejects with a clear error when the worker file is missing', async () => {
      const broken = new Typesetter({ workerFile: '/nonexistent/typesetWorker.js' });
      try {
        await assert.rejects(
          broken.typeset({ jobs: [inline('x')], macros: {}, equationNumbers: 'ams' }),
          /Typesetting worker failed to start \(\/nonexistent\/typesetWorker\.js\)/,
        );
      } finally {
        await broken.dispose();
      }
    });

    it('refuses work after dispose', async () => {
      const short = new Typesetter({ timeoutMs: 60_000 });
      await short.typeset({ jobs: [inline('x')], macros: {}, equationNumbers: 'ams' });
      await short.dispose();
      await assert.rejects(short.typeset({ jobs: [inline('x')], macros: {}, equationNumbers: 'ams' }), /disposed/);
    });

    for (const mode of ['dispose', 'idle']) {
      it(`lets the process exit when the typesetter is ${mode === 'dispose' ? 'disposed' : 'merely idle'}`, () => {
        const result = spawnSync(process.execPath, [__filename], {
          env: { ...process.env, MATHDOWN_TYPESET_CHILD: mode },
          encoding: 'utf8',
          timeout: 120_000,
        });
        assert.equal(result.signal, null, 'the child exited by itself');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, 'rendered');
      });
    }
  });
}
