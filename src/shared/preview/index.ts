import type { FromWebview, ToWebview } from './messages';
import type { TestFromWebview, TestToWebview } from './testMessages';

export type * from './messages';
export type * from './testMessages';

/** Everything the extension may post to the page, test hooks included. */
export type ToWebviewMessage = ToWebview.Message | TestToWebview.Message;
/** Everything the page may post to the extension, test hooks included. */
export type FromWebviewMessage = FromWebview.Message | TestFromWebview.Message;
