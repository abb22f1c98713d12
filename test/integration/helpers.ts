// Small helpers shared by the integration suites (not a test file itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** URI of a file in the fixture workspace (a temp copy of test/fixtures/workspace). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls `check` until it returns a truthy value (which is returned), or fails after `ms`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, ms = 90_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Closes every editor and preview; edits left by earlier tests are reverted, not saved. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    // Right after the window opens, the workbench may open an editor of its own while this one is
    // being shown ("another editor opened in the meantime"): show it again until it is in front.
    await waitFor(async () => {
      if (doc.isClosed || !doc.isDirty) return true;
      const editor = await vscode.window.showTextDocument(doc);
      return editor.document === doc && vscode.window.activeTextEditor?.document === doc;
    }, `${doc.uri.toString()} in front, to revert it`);
    if (!doc.isClosed && doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Every setting the extension contributes (`mathdown.…`), from its package.json. */
function mathdownSettings(): string[] {
  const ext = vscode.extensions.getExtension('mathdown.mathdown');
  if (!ext) throw new Error('extension mathdown.mathdown is not loaded');
  const contributed = (ext.packageJSON as { contributes?: { configuration?: unknown } }).contributes?.configuration;
  const sections = (Array.isArray(contributed) ? contributed : [contributed]) as Array<
    { properties?: Record<string, unknown> } | undefined
  >;
  return sections.flatMap((s) => Object.keys(s?.properties ?? {}));
}

/**
 * The state every suite starts from, whatever ran before it (suiteSetup(startClean)): no editor
 * open, earlier edits reverted; no Mathdown setting set in the user or workspace settings; and
 * auto-save off, so that an edit stays unsaved until a test saves it. VS Code for the web (which
 * code-server is) saves a second after each edit by default, and the desktop default is off; the
 * runner's profile sets it off too, so normally this changes no setting.
 */
export async function startClean(): Promise<void> {
  await closeAll();
  const setHere = (config: vscode.WorkspaceConfiguration, key: string): boolean => {
    const i = config.inspect(key);
    return i?.globalValue !== undefined || i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;
  };
  const config = vscode.workspace.getConfiguration();
  for (const key of mathdownSettings().filter((k) => setHere(config, k))) {
    const i = config.inspect(key)!;
    if (i.globalValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    if (i.workspaceValue !== undefined || i.workspaceFolderValue !== undefined)
      await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
  if (config.get('files.autoSave') !== 'off') await config.update('files.autoSave', 'off', vscode.ConfigurationTarget.Global);
  // The extension host learns of a settings change by an event that may come after update() resolves.
  await waitFor(() => {
    const now = vscode.workspace.getConfiguration();
    return now.get('files.autoSave') === 'off' && !mathdownSettings().some((k) => setHere(now, k));
  }, 'the default settings, with auto-save off');
}

/** Activates Mathdown (as opening a Markdown file would) and returns where it is installed. */
export async function activateMathdown(): Promise<string> {
  const ext = vscode.extensions.getExtension('mathdown.mathdown');
  assert.ok(ext, 'extension mathdown.mathdown is loaded');
  await ext.activate();
  return ext.extensionPath;
}
