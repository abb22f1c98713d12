import type * as vscode from 'vscode';
import type { MathDocument, MathOptions } from '../../core';
import { core } from '../core';

/** The parsed formulas of each open document, reparsed only when its version or the math options change. */
export class MathDocuments {
  readonly #cache = new Map<string, { version: number; optionsKey: string; doc: MathDocument }>();

  get(document: vscode.TextDocument, math: MathOptions): MathDocument {
    const key = document.uri.toString();
    const optionsKey = JSON.stringify(math);
    const hit = this.#cache.get(key);
    if (hit && hit.version === document.version && hit.optionsKey === optionsKey) return hit.doc;
    const doc = core().parseMathDocument(document.getText(), math);
    this.#cache.set(key, { version: document.version, optionsKey, doc });
    return doc;
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.delete(document.uri.toString());
  }
}
