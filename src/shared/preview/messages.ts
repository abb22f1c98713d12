// The product's messages between the extension (src/vscode/preview) and the preview webview; the
// test hooks are in testMessages.ts. Both sides import them with `import type` only. Every message names the document it is about
// (`source`, a URI string): each side ignores messages about another document.

/**
 * One rendered block, in document order: the core's RenderedBlock as the webview needs it. `key`,
 * made in the core, does not depend on the block's position, so a block that only moved keeps its
 * key; `html` is left out when a block the update replaces has `key`.
 */
export interface BlockUpdate {
  readonly key: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Index of the block's first formula in the document (its `data-formula` numbers start here). */
  readonly formulaBase: number;
  readonly html?: string;
  /**
   * The HTML was left out to keep the message small (a long document): the webview shows a
   * placeholder and asks for it (`needBlocks`) when the block comes near the viewport.
   */
  readonly deferred?: boolean;
}

/** A deferred block's HTML, standing at `startLine` and `formulaBase` (the webview moves it to its placeholder's). */
export type BlockHtml = Required<Pick<BlockUpdate, 'key' | 'html' | 'startLine' | 'formulaBase'>>;

export interface PreviewStyle {
  readonly fontSize: number;
  readonly lineHeight: number;
}

/** What the extension embeds into the page and the webview keeps with setState (restored after a reload). */
export interface PreviewState {
  readonly source: string;
  readonly locked: boolean;
  readonly line: number;
}

export namespace ToWebview {
  interface Base {
    readonly source: string;
  }
  /**
   * The document rendered at `version`, as a change to what update `baseSeq` left in the webview:
   * the first `keepHead` blocks stay, the last `keepTail` stay but move by `lineShift` lines and
   * `formulaShift` formulas, and `blocks` replace everything between. `reset` replaces everything
   * the webview holds (then nothing is kept).
   */
  export interface Update extends Base {
    readonly type: 'update';
    readonly version: number;
    readonly seq: number;
    readonly baseSeq: number;
    readonly reset: boolean;
    readonly keepHead: number;
    readonly keepTail: number;
    readonly lineShift: number;
    readonly formulaShift: number;
    readonly blocks: readonly BlockUpdate[];
    readonly css?: string;
    readonly fontDefs?: string;
    readonly lineCount: number;
    /** The first screen of a long document; the full result follows as a change to it. */
    readonly provisional?: boolean;
    /** The change to the formulas' sources (what copying puts in the text); absent: unchanged. */
    readonly formulaSources?: SourcesChange;
  }
  /** The HTML of deferred blocks the webview asked for; `anchor` repeats the anchor it asked about. */
  export interface Blocks extends Base {
    readonly type: 'blocks';
    readonly blocks: readonly BlockHtml[];
    readonly anchor?: string;
  }
  /** Rendering failed: keep what is shown and say why. */
  export interface RenderFailed extends Base {
    readonly type: 'renderFailed';
    readonly version: number;
    readonly message: string;
  }
  export interface ScrollToLine extends Base {
    readonly type: 'scrollToLine';
    readonly line: number;
  }
  export interface EditorSelection extends Base {
    readonly type: 'editorSelection';
    readonly line: number | null;
  }
  export interface Style extends Base {
    readonly type: 'style';
    readonly style: PreviewStyle;
    readonly scrollPreviewWithEditor: boolean;
    readonly scrollEditorWithPreview: boolean;
  }
  export interface Locked extends Base {
    readonly type: 'locked';
    readonly locked: boolean;
  }
  /** A clicked link named a file that does not exist: nothing was opened, say so in the page. */
  export interface LinkMissing extends Base {
    readonly type: 'linkMissing';
    /** The target as the reader should see it (workspace-relative where it can be). */
    readonly target: string;
  }

  /** What the context menu's copy commands take from formula `formula` (its `data-formula` index). */
  export interface FormulaRequest extends Base {
    readonly type: 'formulaRequest';
    readonly id: number;
    readonly formula: number;
  }
  export type Message = Update | Blocks | RenderFailed | ScrollToLine | EditorSelection | Style | Locked | LinkMissing | FormulaRequest;
}

export namespace FromWebview {
  interface Base {
    readonly source: string;
  }
  /** The page loaded (or reloaded) and holds no blocks yet. */
  export interface Ready extends Base {
    readonly type: 'ready';
  }
  /** An update referred to a block the webview does not have: send everything again. */
  export interface NeedReset extends Base {
    readonly type: 'needReset';
  }
  /** HTML for deferred blocks near the viewport, or for the block holding the element with id `anchor`. */
  export interface NeedBlocks extends Base {
    readonly type: 'needBlocks';
    readonly keys: readonly string[];
    readonly anchor?: string;
  }
  export interface RevealLine extends Base {
    readonly type: 'revealLine';
    readonly line: number;
  }
  export interface DidDoubleClick extends Base {
    readonly type: 'didDoubleClick';
    readonly line: number;
  }
  export interface OpenLink extends Base {
    readonly type: 'openLink';
    readonly href: string;
  }
  /** The reader clicked the notice that content was blocked: show the security settings picker. */
  export interface ShowSecuritySelector extends Base {
    readonly type: 'showSecuritySelector';
  }
  /** The answer to a `formulaRequest`: null when the page holds no such formula (not typeset, or gone). */
  export interface FormulaData extends Base {
    readonly type: 'formulaData';
    readonly id: number;
    readonly data: FormulaCopies | null;
  }
  export type Message = Ready | NeedReset | NeedBlocks | RevealLine | DidDoubleClick | OpenLink | ShowSecuritySelector | FormulaData;
}

/**
 * The page's list of formula sources (each formula as written, delimiters included, by its
 * `data-formula` index) changes as `Array.prototype.splice(start, deleteCount, ...items)`; with
 * `reset` the list is `items`.
 */
export interface SourcesChange {
  readonly reset: boolean;
  readonly start: number;
  readonly deleteCount: number;
  readonly items: readonly string[];
}

/** One formula as the copy commands put it on the clipboard. */
export interface FormulaCopies {
  /** As written in the document, delimiters included. */
  readonly tex: string;
  /** MathJax's MathML (`<math xmlns=…>`), '' for a formula with a TeX error. */
  readonly mathml: string;
  /** A standalone SVG file: the glyphs it uses are inside it. '' for a formula with a TeX error. */
  readonly svg: string;
}

/** Settings the page reads from its `<meta id="mathdown-settings">` before the first message. */
export interface InitialSettings {
  readonly state: PreviewState;
  readonly style: PreviewStyle;
  readonly scrollPreviewWithEditor: boolean;
  readonly scrollEditorWithPreview: boolean;
}
