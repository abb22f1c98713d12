// Test hooks of the preview: messages only the integration tests send (through the test-only
// commands) and the page's answer, a snapshot of what it shows.
import type { PreviewState } from './messages';

export interface SnapshotReport {
  readonly version: number;
  readonly svgCount: number;
  /** Typeset formulas inside the viewport. */
  readonly visibleFormulas: number;
  readonly errorCount: number;
  readonly blockCount: number;
  /** Blocks shown as placeholders, their HTML not asked for yet (long documents). */
  readonly pendingBlocks: number;
  /** Formulas shown as their TeX while the first screen of a long document waits for the rest. */
  readonly pendingFormulas: number;
  /** The page shows a first screen; the full result is still to come. */
  readonly provisional: boolean;
  /** The page's JavaScript heap in MB, where the browser tells. */
  readonly heapMb: number | null;
  /** Blocks built from HTML since the page loaded (reused blocks are not counted). */
  readonly blocksCreated: number;
  readonly firstVisibleLine: number;
  readonly activeLine: number | null;
  readonly bannerShown: boolean;
  /** The short message the page shows after a click on a link to a missing file; null when none is shown. */
  readonly linkNotice: string | null;
  /** The notice that the page's policy blocked content (a remote image under the strict level). */
  readonly securityNoticeShown: boolean;
  /** The URLs the policy blocked since the page loaded (the first few). */
  readonly blockedContent: readonly string[];
  readonly openDetails: number;
  /** The page's images: the URL each loads from, and its natural width (0 until it has loaded). */
  readonly images: readonly { readonly src: string; readonly naturalWidth: number }[];
  readonly scrollTop: number;
  readonly state: PreviewState | undefined;
  /** The page's Content-Security-Policy, as its <meta> holds it in the live page; null without one. */
  readonly csp: string | null;
}

export namespace TestToWebview {
  interface Base {
    readonly source: string;
  }
  export interface SnapshotRequest extends Base {
    readonly type: 'snapshotRequest';
    readonly id: number;
  }
  /** Test hook: scroll as if the reader did, so that the preview reports it to the editor. */
  export interface TestUserScroll extends Base {
    readonly type: 'testUserScroll';
    readonly line: number;
  }
  /** Test hook: click or double-click the first element matching a CSS selector (in the content, else in the page), as the reader would. */
  export interface TestDispatch extends Base {
    readonly type: 'testDispatch';
    readonly selector: string;
    readonly event: 'click' | 'dblclick';
  }
  /**
   * Test hook: `contextMenu` opens the context menu on the first element matching `selector` as the
   * reader would (focusing it first when it takes the focus, as from the keyboard) and answers the
   * context VS Code would give the menu and whether the element took the focus; `copySelection` selects from
   * the start of the first match of `selector` to the end of the first match of `to`, copies as
   * the reader would (a copy event with an empty clipboard) and answers its text/plain and text/html.
   */
  export interface TestProbe extends Base {
    readonly type: 'testProbe';
    readonly id: number;
    readonly probe: 'contextMenu' | 'copySelection';
    readonly selector: string;
    readonly to?: string;
  }
  export type Message = SnapshotRequest | TestUserScroll | TestDispatch | TestProbe;
}

export namespace TestFromWebview {
  interface Base {
    readonly source: string;
  }
  export interface Snapshot extends Base {
    readonly type: 'snapshot';
    readonly id: number;
    readonly report: SnapshotReport;
  }
  export interface ProbeResult extends Base {
    readonly type: 'testProbeResult';
    readonly id: number;
    readonly result: unknown;
  }
  export type Message = Snapshot | ProbeResult;
}
