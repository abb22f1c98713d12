import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { generateDoc } from '../../scripts/bench/generateDoc.mjs';
import { parseSettings } from '../../src/core/config/parseSettings';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { fixAll, lint, lintDocument } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import { LintWorkerClient } from './helpers/testRenderer';
import { UNDEFINED_FOO } from './helpers/texErrorFormula';
import { until } from './helpers/until';

const WORKER = join(__dirname, 'lintWorker.js');
const FIXTURES = join(__dirname, '../../../test/fixtures/lint');

describe('LintWorkerClient', () => {
  const client = new LintWorkerClient(WORKER);
  after(() => client.dispose());

  it("gives what lint gives, for every lint fixture and with a render's formulas", async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 10);
    for (const file of files) {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const options = { targets: ['gfm', 'commonmark', 'pandoc'] as const };
      assert.deepEqual(await client.lint(text, options), lint(text, options), file);
    }
    const f = UNDEFINED_FOO;
    const withErrors = { formulas: [f] };
    assert.deepEqual(await client.lint('$\\foo$\n', withErrors), lint('$\\foo$\n', withErrors));
    assert.equal((await client.lint('$\\foo$\n', withErrors))[0]?.rule, 'MM301');
  });

  it("fixes all in the worker as fixAll does, with or without the formulas of the document's parse", async () => {
    let fixed = 0;
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const options = { targets: ['gfm', 'commonmark', 'pandoc'] as const };
      const expected = fixAll(text, options);
      assert.deepEqual(await client.fixAll(text, options), expected, file);
      assert.deepEqual(
        await client.fixAll(text, { ...options, formulas: parseMarkdown(text).formulas }),
        expected,
        `${file}, with the parse's formulas`,
      );
      fixed += expected.fixed;
    }
    assert.ok(fixed > 10, `${fixed} fixes made`);
  });

  it('leaves the calling thread free while it lints a long document', async () => {
    const { text } = generateDoc({ bytes: 400_000, seed: 5 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const diagnostics = await client.lint(text, {});
      assert.ok(diagnostics.length > 100, `${diagnostics.length} diagnostics`);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0, 'no timer ran on the calling thread while the worker linted');
  });

  it('stops the thread when the document being linted is abandoned; the next one gets a fresh thread', async () => {
    const { text } = generateDoc({ bytes: 400_000, seed: 6 });
    const abort = new AbortController();
    const running = client.lint(text, {}, abort.signal);
    setTimeout(() => abort.abort(), 20);
    await assert.rejects(running, { name: 'AbortError' });
    assert.deepEqual(await client.lint('$a_1 * b_2$ and $c * d$\n', {}), lint('$a_1 * b_2$ and $c * d$\n', {}));
    const early = new AbortController();
    early.abort();
    await assert.rejects(client.lint('$x$\n', {}, early.signal), { name: 'AbortError' });
  });

  it('lintDocument runs in the worker it is given', async () => {
    const text = '$a_1 * b_2$ and $c * d$\n';
    assert.deepEqual(await lintDocument(text, DEFAULT_SETTINGS, { worker: client }), await lintDocument(text, DEFAULT_SETTINGS));
  });

  it('settings VS Code hands over as read-only proxies reach the worker (parseSettings copies them as plain data)', async () => {
    const readOnly = <T extends object>(value: T): T => new Proxy(value, { set: () => false });
    const { settings, problems } = parseSettings(
      readOnly({
        lint: readOnly({ rules: readOnly({ MM101: 'off' }), targets: readOnly(['gfm']) }),
        math: readOnly({ macros: readOnly({ RR: '\\mathbb{R}' }) }),
      }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.lint.rules, { MM101: 'off' });
    const text = '$a_1 * b_2$ and $c * d$ and $\\{x\\}$\n';
    assert.deepEqual(await lintDocument(text, settings, { worker: client }), await lintDocument(text, settings));
  });

  it('options that cannot be posted are refused at once, and the worker stays usable', async () => {
    await assert.rejects(client.lint('$x$\n', { rules: new Proxy({}, {}) }), { name: 'DataCloneError' });
    assert.deepEqual(await client.lint('$a * b$ $c * d$\n', {}), lint('$a * b$ $c * d$\n', {}));
  });

  it('a missing worker file is a clear error, and a disposed client refuses work', async () => {
    const broken = new LintWorkerClient('/nonexistent/lintWorker.js');
    await assert.rejects(broken.lint('$x$\n', {}), /The lint worker (failed|stopped) \(\/nonexistent\/lintWorker\.js\)/);
    await broken.dispose();
    await assert.rejects(broken.lint('$x$\n', {}), /disposed/);
  });

  it('with idleMs, stops its thread when idle and hands its pieces to the next one, which re-lints only what changed', async (t: TestContext) => {
    // Only the idle timer is driven by hand: the worker's answers are real.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const idle = new LintWorkerClient(WORKER, { idleMs: 15_000 });
    try {
      const { text, formulas } = generateDoc({ bytes: 40_000, seed: 8 });
      assert.deepEqual(await idle.lint(text, {}), lint(text, {}));
      const { chunks } = idle.lastStats;
      assert.ok(chunks > 20, `${chunks} pieces`);
      t.mock.timers.tick(14_999);
      assert.equal(idle.running, true, 'not idle long enough yet');
      t.mock.timers.tick(1);
      await until(() => !idle.running, 'the idle worker stopped', 60_000);
      const f = formulas[Math.floor(formulas.length / 2)]!;
      const edited = `${text.slice(0, f.texStart)}4${text.slice(f.texStart + 1)}`;
      assert.deepEqual(await idle.lint(edited, {}), lint(edited, {}), 'a new worker, the same diagnostics');
      assert.equal(idle.running, true);
      assert.equal(idle.lastStats.linted, 1, 'only the edited piece was linted: the pieces came along');
    } finally {
      await idle.dispose();
    }
  });

  it('with idleMs, a request that comes as the idle worker is being stopped keeps it', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const idle = new LintWorkerClient(WORKER, { idleMs: 15_000 });
    try {
      const text = '$a_1 * b_2$ and $c * d$\n\nAnd $e * f$.\n';
      await idle.lint(text, {});
      t.mock.timers.tick(15_000);
      // The stop is queued (it asks the worker for its pieces first); this request comes before it runs.
      assert.deepEqual(await idle.lint(text, {}), lint(text, {}));
      assert.equal(idle.running, true, 'the worker was kept for the request');
      assert.equal(idle.lastStats.linted, 0, 'and still had its pieces');
    } finally {
      await idle.dispose();
    }
  });
});
