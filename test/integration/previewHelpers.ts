// Helpers for the preview suites: open fixture documents, ask the preview what it shows.
import * as vscode from 'vscode';
import type { SnapshotReport } from '../../src/shared/preview';
import { fixtureUri, waitFor } from './helpers';

export type Snapshot = SnapshotReport & { uri: string; locked: boolean };

export async function showFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** What the preview shows; `timeoutMs` for the webview's answer (a huge page answers slowly). */
export function snapshot(timeoutMs?: number): Thenable<Snapshot> {
  return vscode.commands.executeCommand<Snapshot>('mathdown.test.previewSnapshot', timeoutMs);
}

/**
 * Waits until the preview has rendered `doc` as it is now and `check` holds; fully typeset unless
 * `provisional` (the first screen of a long document may come first, with formulas still pending).
 */
export async function waitForPreview(
  doc: vscode.TextDocument,
  what: string,
  check: (s: Snapshot) => boolean = () => true,
  ms?: number,
  provisional = false,
): Promise<Snapshot> {
  let last: Snapshot | undefined;
  try {
    return await waitFor(
      async () => {
        const s = (last = await snapshot(ms === undefined ? undefined : 60_000));
        return s.uri === doc.uri.toString() && s.version === doc.version && (provisional || !s.provisional) && check(s) ? s : undefined;
      },
      what,
      ms,
    );
  } catch (e) {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}; last snapshot: ${JSON.stringify(last)} (document version ${doc.version})`,
    );
  }
}
