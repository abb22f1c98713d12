// Which documents' previews are putting up their first screen. Work a document's opening would
// otherwise start at the same time (lint on open, which typesets every formula on every core)
// waits until that screen is shown, so that the first screen gets the cores first. Without vscode,
// so that it is testable on its own.

export interface Unsubscribe {
  dispose(): void;
}

export class FirstScreens {
  /** Previews of a document (by URI) whose first screen is not shown yet. */
  readonly #pending = new Map<string, number>();
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #listeners = new Set<(uri: string) => void>();

  /** A preview of `uri` starts its first screen; call the returned function once it is shown (or given up). */
  begin(uri: string): () => void {
    this.#pending.set(uri, (this.#pending.get(uri) ?? 0) + 1);
    for (const l of [...this.#listeners]) l(uri);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.#pending.get(uri) ?? 1) - 1;
      if (left > 0) {
        this.#pending.set(uri, left);
        return;
      }
      this.#pending.delete(uri);
      const waiting = this.#waiting.get(uri) ?? [];
      this.#waiting.delete(uri);
      for (const resolve of waiting) resolve();
    };
  }

  /** True while a preview of `uri` is putting up its first screen. */
  busy(uri: string): boolean {
    return this.#pending.has(uri);
  }

  /** Resolves when no preview of `uri` is putting up its first screen (at once when none is). */
  whenShown(uri: string): Promise<void> {
    if (!this.busy(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.#waiting.get(uri) ?? [];
      list.push(resolve);
      this.#waiting.set(uri, list);
    });
  }

  /** Told of every `begin` (lint running for that document gives way). */
  onBegin(listener: (uri: string) => void): Unsubscribe {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }
}
