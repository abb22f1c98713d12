// Where the preview's security level is kept: per workspace folder, in the extension's global
// state keyed by the folder's URI, as VS Code's Markdown preview keeps its own (so a folder keeps
// its choice in every window that opens it, and a new folder starts strict).
import * as vscode from 'vscode';
import { DEFAULT_SECURITY_LEVEL, isSecurityLevel, type SecurityLevel } from '../../shared/remoteContent';

const KEY = 'mathdown.previewSecurityLevel:';

export class SecurityLevels implements vscode.Disposable {
  readonly #state: vscode.Memento;
  readonly #onDidChange = new vscode.EventEmitter<void>();
  /** Fires after a level changed: previews reload their page with the new policy. */
  readonly onDidChange = this.#onDidChange.event;

  constructor(globalState: vscode.Memento) {
    this.#state = globalState;
  }

  /** The level for a document (its workspace folder's); strict unless the reader chose another. */
  for(resource: vscode.Uri | undefined): SecurityLevel {
    const stored = this.#state.get<unknown>(KEY + rootOf(resource));
    return isSecurityLevel(stored) ? stored : DEFAULT_SECURITY_LEVEL;
  }

  async set(resource: vscode.Uri | undefined, level: SecurityLevel): Promise<void> {
    await this.#state.update(KEY + rootOf(resource), level === DEFAULT_SECURITY_LEVEL ? undefined : level);
    this.#onDidChange.fire();
  }

  dispose(): void {
    this.#onDidChange.dispose();
  }
}

/** The workspace folder holding the document, else the first folder, else the document itself. */
function rootOf(resource: vscode.Uri | undefined): string {
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  return (folder?.uri ?? resource)?.toString() ?? '';
}
