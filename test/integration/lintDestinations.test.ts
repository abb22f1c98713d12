// Lint destinations in the real VS Code: the status bar names the destinations checked, and a
// workspace that holds a Jekyll `_config.yml` gets one offer of kramdown (a notification with a
// choice), remembered, and nothing switches unless the user accepts.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ProjectOfferUi } from '../../src/vscode/lint/projectDetection';
import type { TargetsStatusState } from '../../src/vscode/lint/targetsStatus';
import { activateMathdown, closeAll, fixtureUri, startClean, waitFor } from './helpers';

const status = async () => (await vscode.commands.executeCommand('mathdown.test.lintTargetsStatus')) as TargetsStatusState;

/** A notification that records each offer and gives `answer` (undefined: dismissed). */
function offers(answer: (choices: readonly string[]) => string | undefined): {
  shown: Array<{ message: string; choices: string[] }>;
  ui: ProjectOfferUi;
} {
  const shown: Array<{ message: string; choices: string[] }> = [];
  return {
    shown,
    ui: (message, ...choices) => {
      shown.push({ message, choices });
      return Promise.resolve(answer(choices));
    },
  };
}

const mathdown = () => vscode.workspace.getConfiguration('mathdown', vscode.workspace.workspaceFolders?.[0]?.uri);
/** The two settings the offer may change, as set in the workspace (undefined: not set there). */
const setHere = () => {
  const c = mathdown();
  const where = (key: string) => {
    const i = c.inspect(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue;
  };
  return { targets: where('lint.targets'), doubleDollarInText: where('math.doubleDollarInText') };
};

suite('lint destinations', () => {
  const config = () => fixtureUri('_config.yml');

  suiteSetup(async () => {
    await startClean();
    await activateMathdown();
  });

  suiteTeardown(async () => {
    rmSync(config().fsPath, { force: true });
    await vscode.commands.executeCommand('mathdown.test.projectOfferUi');
    await startClean();
  });

  test('the status bar item names the destinations checked, and follows the setting', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('basic.md')));
    const shown = await waitFor(async () => {
      const s = await status();
      return s.visible && s.text.includes('github.com') ? s : undefined;
    }, 'the status bar item to name github.com');
    assert.match(shown.tooltip, /mathdown\.lint\.targets/);
    await mathdown().update('lint.targets', ['github', 'katex'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(async () => /github\.com, KaTeX/.test((await status()).text), 'the item to name github.com and KaTeX');
    } finally {
      await mathdown().update('lint.targets', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => (await status()).text.endsWith('Math: github.com'), 'the item to name github.com alone again');
    await closeAll();
    await waitFor(async () => !(await status()).visible, 'the item to hide without a Markdown editor');
  });

  test('a Jekyll workspace gets one offer of kramdown with a choice; declining or dismissing it changes nothing', async () => {
    writeFileSync(config().fsPath, 'title: Notes\nmarkdown: kramdown\n');
    const declined = offers((choices) => choices.find((c) => c === 'Keep github.com'));
    await vscode.commands.executeCommand('mathdown.test.projectOfferUi', declined.ui);
    await vscode.commands.executeCommand('mathdown.test.detectProjects', true);
    assert.equal(declined.shown.length, 1, 'one offer');
    const [offer] = declined.shown;
    assert.match(offer!.message, /Jekyll site \(_config\.yml\)/);
    assert.match(offer!.message, /mathdown\.lint\.targets: kramdown; mathdown\.math\.doubleDollarInText: "inline"/);
    assert.deepEqual(offer!.choices, ['Check for kramdown', 'Keep github.com']);
    assert.deepEqual(setHere(), { targets: undefined, doubleDollarInText: undefined }, 'declined: nothing set');

    // Remembered for the workspace: activation's detection asks no more.
    await vscode.commands.executeCommand('mathdown.test.detectProjects');
    assert.equal(declined.shown.length, 1, 'no second offer');

    const dismissed = offers(() => undefined);
    await vscode.commands.executeCommand('mathdown.test.projectOfferUi', dismissed.ui);
    await vscode.commands.executeCommand('mathdown.test.detectProjects', true);
    assert.equal(dismissed.shown.length, 1);
    assert.deepEqual(setHere(), { targets: undefined, doubleDollarInText: undefined }, 'dismissed: nothing set');
  });

  test('accepting the offer sets kramdown and inline $$ for the folder, and the status bar says so', async () => {
    writeFileSync(config().fsPath, 'markdown: kramdown\n');
    const accepted = offers((choices) => choices.find((c) => c.startsWith('Check for')));
    await vscode.commands.executeCommand('mathdown.test.projectOfferUi', accepted.ui);
    try {
      await vscode.commands.executeCommand('mathdown.test.detectProjects', true);
      assert.equal(accepted.shown.length, 1);
      await waitFor(() => {
        const s = setHere();
        return JSON.stringify(s.targets) === '["kramdown"]' && s.doubleDollarInText === 'inline';
      }, 'lint.targets kramdown and math.doubleDollarInText inline in the workspace settings');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('basic.md')));
      await waitFor(async () => (await status()).text.endsWith('Math: kramdown'), 'the status bar item to name kramdown');

      // A folder whose destinations are set is never asked again, even after forgetting.
      await vscode.commands.executeCommand('mathdown.test.detectProjects', true);
      assert.equal(accepted.shown.length, 1, 'no offer once lint.targets is set');
    } finally {
      await mathdown().update('lint.targets', undefined, vscode.ConfigurationTarget.Workspace);
      await mathdown().update('math.doubleDollarInText', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
