// Editor side of scroll sync: reports the editor's top line to the preview (throttled), reveals
// the line the preview scrolled to, and does not echo a reveal it caused itself.
import * as vscode from 'vscode';

const THROTTLE_MS = 50;
const ECHO_MS = 300;

export class EditorScrollSync implements vscode.Disposable {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingLine = 0;
  #revealed: { line: number; at: number } | undefined;

  readonly #postLine: (line: number) => void;

  constructor(postLine: (line: number) => void) {
    this.#postLine = postLine;
  }

  /** The editor showing the document scrolled. */
  editorScrolled(editor: vscode.TextEditor): void {
    const line = topLine(editor);
    if (line === undefined) return;
    const r = this.#revealed;
    if (r && Date.now() - r.at < ECHO_MS && Math.abs(r.line - line) <= 1) return;
    this.#revealed = undefined;
    this.#pendingLine = line;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#postLine(this.#pendingLine);
    }, THROTTLE_MS);
  }

  /** The preview scrolled to `line`: bring every editor of `uri` there. */
  revealInEditors(uri: vscode.Uri, line: number): void {
    const target = Math.max(0, Math.floor(line));
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri.toString()) continue;
      if (topLine(editor) === target) continue;
      this.#revealed = { line: target, at: Date.now() };
      const pos = new vscode.Position(Math.min(target, editor.document.lineCount - 1), 0);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    }
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
  }
}

function topLine(editor: vscode.TextEditor): number | undefined {
  return editor.visibleRanges[0]?.start.line;
}
