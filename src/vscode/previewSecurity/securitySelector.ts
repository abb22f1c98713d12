// "Mathdown: Change Preview Security Settings": a quick pick of the levels, as VS Code's Markdown
// preview offers them, for the workspace of the document (or of the preview) in front.
import * as vscode from 'vscode';
import type { SecurityLevel } from '../../shared/remoteContent';
import type { SecurityLevels } from './securityLevels';

export interface SecurityPickItem extends vscode.QuickPickItem {
  readonly level: SecurityLevel;
}

/** The picker's one dialog; the integration tests replace it (mathdown.test.securityUi). */
export type SecurityUi = (items: readonly SecurityPickItem[], placeHolder: string) => Thenable<SecurityPickItem | undefined>;

const windowUi: SecurityUi = (items, placeHolder) => vscode.window.showQuickPick(items, { placeHolder });

/** Each level as the picker shows it. */
const LEVELS: readonly { level: SecurityLevel; label: string; description: string }[] = [
  { level: 'strict', label: 'Strict', description: 'Load no remote content: images from the workspace and data: URIs only (default)' },
  { level: 'allowRemote', label: 'Allow remote content', description: 'Also load images over https' },
  {
    level: 'allowInsecureLocal',
    label: 'Allow insecure local content',
    description: 'Also load images over https, and over http from localhost',
  },
  { level: 'allowInsecure', label: 'Allow insecure content', description: 'Also load images over http and https' },
  {
    level: 'disabled',
    label: 'Disable',
    description: 'No Content-Security-Policy in the preview: any content loads. Not recommended',
  },
];

export interface SecuritySelector {
  /** The command's handler: `resource` (a URI from a menu or the preview's notice) names the workspace. */
  run(resource?: unknown): Promise<void>;
  /** Test hook: the picker is `replacement`; without it, VS Code's quick pick again. */
  setUi(replacement?: SecurityUi): void;
}

export function securitySelector(levels: SecurityLevels, previewed: () => vscode.Uri | undefined): SecuritySelector {
  let ui = windowUi;
  return {
    run: async (resource) => {
      const uri = resource instanceof vscode.Uri ? resource : (vscode.window.activeTextEditor?.document.uri ?? previewed());
      const current = levels.for(uri);
      const items = LEVELS.map(({ level, label, description }) => ({
        level,
        label: level === current ? `• ${label}` : label,
        description,
      }));
      const picked = await ui(items, 'Select what Mathdown previews in this workspace may load (exports follow the same choice)');
      if (picked && picked.level !== current) await levels.set(uri, picked.level);
    },
    setUi: (replacement) => {
      ui = replacement ?? windowUi;
    },
  };
}
