// Math rendered in the editor itself: the formula at the cursor (or every display formula in view)
// shows its typeset image at the end of its last line, as an `after` decoration, so that no text
// before it on that line, and none on other lines, ever moves. The images are the hover's
// (FormulaImages: the shared renderer, its formula cache, the theme's text colour).
import * as vscode from 'vscode';
import type { Formula, MathOptions, UserMacro } from '../../core';
import { core } from '../core';
import type { RenderMathInEditor } from '../settings/snapshot';
import type { FormulaImages } from './formulaImages';
import type { MathDocuments } from './mathDocuments';

/** What the decorations of an editor show (for the integration tests' hook). */
export interface EditorMathState {
  uri: string;
  /** One per decoration: the 0-based line it ends, the formula's first line, the image's length. */
  shown: Array<{ line: number; formulaLine: number; image: string }>;
}

interface Target {
  key: string;
  /** 0-based line at whose end the image goes. */
  line: number;
  formulaLine: number;
  preview: Parameters<FormulaImages['image']>[0];
}

/** How many display formulas beyond the visible lines get an image in `display` mode. */
const MARGIN_LINES = 20;
const MAX_DISPLAY_TARGETS = 60;

export class EditorMath implements vscode.Disposable {
  readonly #documents: MathDocuments;
  readonly #images: FormulaImages;
  readonly #mathOptions: (document?: vscode.TextDocument) => MathOptions;
  readonly #mode: (document: vscode.TextDocument) => RenderMathInEditor;
  readonly #type = vscode.window.createTextEditorDecorationType({ rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  readonly #subscriptions: vscode.Disposable[];
  /** A pass is running; `#again` asks for another one when it ends (edits and moves coalesce). */
  #running = false;
  #again = false;
  #state: EditorMathState | undefined;
  /** The document's macro definitions, by its formulas (one list per parse) and the settings' macros. */
  readonly #macros = new WeakMap<readonly Formula[], { settings: MathOptions['macros']; macros: UserMacro[] }>();
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires after the decorations were set. */
  readonly onDidUpdate = this.#changed.event;

  constructor(
    documents: MathDocuments,
    images: FormulaImages,
    mathOptions: (document?: vscode.TextDocument) => MathOptions,
    mode: (document: vscode.TextDocument) => RenderMathInEditor,
    onSettingsChange: vscode.Event<{ affectsEditorMath: boolean }>,
  ) {
    this.#documents = documents;
    this.#images = images;
    this.#mathOptions = mathOptions;
    this.#mode = mode;
    const update = () => this.update();
    this.#subscriptions = [
      this.#type,
      this.#changed,
      vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && update()),
      vscode.window.onDidChangeActiveTextEditor(update),
      // Only `display` mode depends on what is in view.
      vscode.window.onDidChangeTextEditorVisibleRanges(
        (e) => e.textEditor === vscode.window.activeTextEditor && this.#mode(e.textEditor.document) === 'display' && update(),
      ),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && update()),
      vscode.window.onDidChangeActiveColorTheme(update),
      onSettingsChange((c) => c.affectsEditorMath && update()),
    ];
    update();
  }

  /** The current decorations (test hook). */
  get state(): EditorMathState | undefined {
    return this.#state;
  }

  update(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    void this.#pass()
      .catch(() => undefined)
      .finally(() => {
        this.#running = false;
        if (this.#again) {
          this.#again = false;
          this.update();
        }
      });
  }

  async #pass(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const document = editor.document;
    if (document.languageId !== 'markdown') return;
    const mode = this.#mode(document);
    if (mode === 'off') {
      editor.setDecorations(this.#type, []);
      this.#setState({ uri: document.uri.toString(), shown: [] });
      return;
    }
    const version = document.version;
    const math = this.#mathOptions(document);
    const targets = this.#targets(editor, mode, math);
    const images = await Promise.all(targets.map((t) => this.#images.image(t.preview, math).catch(() => undefined)));
    // A newer edit or move is queued: its pass sets the decorations (the old ones stay meanwhile,
    // moved with the text by VS Code, instead of flickering).
    if (this.#again || document.version !== version || editor !== vscode.window.activeTextEditor) return;
    const decorations: vscode.DecorationOptions[] = [];
    const shown: EditorMathState['shown'] = [];
    targets.forEach((t, i) => {
      const uri = images[i]?.uri;
      if (!uri) return;
      const end = document.lineAt(t.line).range.end;
      decorations.push({ range: new vscode.Range(end, end), renderOptions: { after: afterImage(uri) } });
      shown.push({ line: t.line, formulaLine: t.formulaLine, image: uri });
    });
    editor.setDecorations(this.#type, decorations);
    this.#setState({ uri: document.uri.toString(), shown });
  }

  #setState(state: EditorMathState): void {
    this.#state = state;
    this.#changed.fire();
  }

  /** The formula at each cursor, and in `display` mode every display formula near the visible lines. */
  #targets(editor: vscode.TextEditor, mode: RenderMathInEditor, math: MathOptions): Target[] {
    const document = editor.document;
    const doc = this.#documents.get(document, math);
    const out = new Map<string, Target>();
    let cached = this.#macros.get(doc.formulas);
    if (!cached || cached.settings !== math.macros)
      this.#macros.set(doc.formulas, (cached = { settings: math.macros, macros: core().userMacros(doc.formulas, math.macros) }));
    const macros = cached.macros;
    const add = (index: number) => {
      const f = doc.formulas[index]!;
      const key = `${f.offset}`;
      if (f.delimiter === 'ref' || !f.tex.trim() || out.has(key)) return;
      out.set(key, {
        key,
        line: document.positionAt(f.endOffset).line,
        formulaLine: document.positionAt(f.offset).line,
        // As the hover typesets it: with the definitions made before it.
        preview: { tex: f.tex, display: f.display, definitions: core().definitionsBefore(macros, index) },
      });
    };
    for (const selection of editor.selections) {
      const index = doc.formulaIndexAt(document.offsetAt(selection.active));
      if (index >= 0) add(index);
    }
    if (mode === 'display') {
      for (const range of editor.visibleRanges) {
        const from = document.offsetAt(new vscode.Position(Math.max(0, range.start.line - MARGIN_LINES), 0));
        const to = document.offsetAt(new vscode.Position(range.end.line + MARGIN_LINES, 0));
        let i = firstFormulaFrom(doc.formulas, from);
        for (; i < doc.formulas.length && doc.formulas[i]!.offset <= to && out.size < MAX_DISPLAY_TARGETS; i++)
          if (doc.formulas[i]!.display) add(i);
      }
    }
    return [...out.values()];
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
  }
}

/** Index of the first formula ending at or after `offset` (formulas are in document order). */
function firstFormulaFrom(formulas: readonly { endOffset: number }[], offset: number): number {
  let lo = 0;
  let hi = formulas.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (formulas[mid]!.endOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The image after the line's end, on the hover's background. A formula taller than a line hangs
 * down over the lines below (drawn above them, `position: relative`), so the line heights, and so
 * the text, never change.
 */
function afterImage(uri: string): vscode.ThemableDecorationAttachmentRenderOptions {
  return {
    contentIconPath: vscode.Uri.parse(uri),
    margin: '0 0 0 2em',
    backgroundColor: new vscode.ThemeColor('editorHoverWidget.background'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editorHoverWidget.border'),
    // VS Code writes this value into the rule as `text-decoration: …;`: the only way to add the
    // positioning that keeps a tall image from growing the line.
    textDecoration:
      'none; display: inline-block; line-height: 0; position: relative; z-index: 2; vertical-align: top; padding: 4px 8px; border-radius: 3px',
  };
}
