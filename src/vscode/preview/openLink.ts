// Opens a link clicked in the preview: URLs in the browser, Markdown files in the editor (at the
// heading the fragment names), other files with VS Code's default opener. A link to a file that
// does not exist opens nothing (VS Code would show a "file not found" editor over the preview):
// the caller says so instead.
import * as vscode from 'vscode';
import type { MathOptions } from '../../core';
import { core } from '../core';

const EXTERNAL = /^(https?|mailto|ftp):/i;
const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;

/**
 * `mathFor` gives the math options in force for a file, with which its headings are read. Resolves
 * to the target when it is a file that does not exist (then nothing was opened), else undefined.
 */
export async function openLink(
  href: string,
  document: vscode.Uri,
  mathFor: (uri: vscode.Uri) => MathOptions,
): Promise<vscode.Uri | undefined> {
  if (EXTERNAL.test(href)) {
    await vscode.env.openExternal(vscode.Uri.parse(href, true));
    return undefined;
  }
  const target = resolveLink(href, document);
  if (!target) return undefined;
  const { uri, fragment } = target;
  if (await isMissing(uri)) return uri;
  if (!MARKDOWN.test(uri.path)) {
    await vscode.commands.executeCommand('vscode.open', uri);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  const line = fragment ? headingLine(doc, fragment, mathFor(uri)) : -1;
  if (line >= 0) {
    const pos = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  }
  return undefined;
}

/** True only when the file system says there is no such file; other errors are left to the opener to report. */
async function isMissing(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return false;
  } catch (e) {
    return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
  }
}

/** The file a relative (or workspace-absolute) link points to; undefined for other schemes. */
export function resolveLink(href: string, document: vscode.Uri): { uri: vscode.Uri; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^file:/i.test(href)) return undefined;
  if (/^file:/i.test(href)) {
    const uri = vscode.Uri.parse(href, true);
    return { uri: uri.with({ fragment: '' }), fragment: uri.fragment };
  }
  const hash = href.indexOf('#');
  const rawPath = (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '');
  const fragment = hash >= 0 ? href.slice(hash + 1) : '';
  if (!rawPath) return undefined;
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    /* keep as written */
  }
  const folder = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
  const uri = path.startsWith('/') ? vscode.Uri.joinPath(folder, path) : vscode.Uri.joinPath(document, '..', path);
  return { uri, fragment };
}

/** The line of the heading whose id (as the preview gives it: `intro-1` is the second "Intro") the fragment names; -1 if none. */
function headingLine(doc: vscode.TextDocument, fragment: string, math: MathOptions): number {
  const c = core();
  const headings = c.headingsOf(c.parseMarkdown(doc.getText(), math));
  return c.headingByFragment(headings, fragment)?.line ?? -1;
}
