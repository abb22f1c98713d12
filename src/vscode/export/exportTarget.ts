// The export written through vscode.workspace.fs: for every host and scheme with a file system
// (the browser's web worker host, vscode-remote:, github.dev's vscode-vfs:). Node's host writes a
// file: document's export to a file: output through src/node instead, the CLI's own path.
import * as vscode from 'vscode';
import { core } from '../core';
import type { ExportToUri } from '../platform/host';

export const exportThroughWorkspaceFs: ExportToUri = async (text, source, output, options) => {
  if (source.toString() === output.toString())
    throw new (core().ExportRefused)(`the output ${shownUri(output)} is the source document itself; choose another output file`);
  const sourceDir = vscode.Uri.joinPath(source, '..');
  const outputDir = vscode.Uri.joinPath(output, '..');
  const html = await core().exportHtml(text, {
    ...options,
    loadImage: uriImageLoader(sourceDir),
    linkImage: uriImageRelinker(sourceDir, outputDir),
    sourceName: baseName(source),
  });
  await vscode.workspace.fs.createDirectory(outputDir);
  // Written beside the target and renamed over it, so a failed write never leaves half a page.
  const temp = vscode.Uri.joinPath(outputDir, `.${baseName(output)}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(html));
  try {
    await vscode.workspace.fs.rename(temp, output, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
  return output;
};

/** The last segment of a resource's path. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A resource as a reader knows it: a file's path, anything else's URI. */
export function shownUri(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

const WINDOWS_PATH = /^[a-z]:[\\/]/i;

/** `notes.md` → `notes.html` beside it, or in `folder` (relative folders are taken from the document's). */
export function defaultExportUri(document: vscode.Uri, folder?: string): vscode.Uri {
  const name = `${baseName(document).replace(/(.)\.[^.]*$/, '$1')}.html`;
  const dir = folder ? resolvePath(vscode.Uri.joinPath(document, '..'), folder) : vscode.Uri.joinPath(document, '..');
  return vscode.Uri.joinPath(dir, name);
}

/** `path` (absolute, or relative to the folder `dir`) on `dir`'s file system. */
export function resolvePath(dir: vscode.Uri, path: string): vscode.Uri {
  if (dir.scheme === 'file' && WINDOWS_PATH.test(path)) return vscode.Uri.file(path);
  if (path.startsWith('/') || path.startsWith('\\')) return dir.scheme === 'file' ? vscode.Uri.file(path) : dir.with({ path });
  return vscode.Uri.joinPath(dir, path);
}

/** The resource a local image `src` names, on the document's file system; undefined for URLs. */
export function imageResource(src: string, documentDir: vscode.Uri): vscode.Uri | undefined {
  const bare = src.replace(/[?#].*$/, '');
  if (/^file:/i.test(bare)) return documentDir.with({ path: vscode.Uri.parse(bare).path });
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) && !WINDOWS_PATH.test(bare)) return undefined;
  let path = bare;
  try {
    path = decodeURI(bare);
  } catch {
    /* a literal % in the name */
  }
  return resolvePath(documentDir, path);
}

function uriImageLoader(documentDir: vscode.Uri): (src: string) => Promise<{ mime: string; data: Uint8Array } | undefined> {
  return async (src) => {
    const uri = imageResource(src, documentDir);
    const mime = uri && core().imageMimeType(uri.path);
    if (!uri || !mime) return undefined;
    try {
      const info = await vscode.workspace.fs.stat(uri);
      if (!(info.type & vscode.FileType.File) || info.size > core().MAX_EMBEDDED_IMAGE_BYTES) return undefined;
      return { mime, data: await vscode.workspace.fs.readFile(uri) };
    } catch {
      return undefined;
    }
  };
}

/** With `export.images: "link"` and the page written elsewhere: a relative image reference made to point from there at the same image. */
function uriImageRelinker(documentDir: vscode.Uri, outputDir: vscode.Uri): (src: string) => Promise<string | undefined> {
  return async (src) => {
    if (documentDir.toString() === outputDir.toString() || /^[a-z][a-z0-9+.-]*:|^[\\/]/i.test(src)) return undefined;
    const target = imageResource(src, documentDir);
    if (!target || target.scheme !== outputDir.scheme || target.authority !== outputDir.authority) return undefined;
    const suffix = /[?#].*$/.exec(src)?.[0] ?? '';
    return encodeURI(relativePath(outputDir.path, target.path)) + suffix;
  };
}

/** The relative path from the folder `from` to `to` (both absolute, `/`-separated). */
function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...Array<string>(a.length - common).fill('..'), ...b.slice(common)].join('/');
}
