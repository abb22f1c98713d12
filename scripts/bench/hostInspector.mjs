// The extension host's inspector (the workbench URL's `inspect-extensions=PORT`), spoken to over
// the DevTools protocol: commands and their replies, and events. Used by bench:vscode's --profile
// (a CPU profile of the host) and --heap (its memory).

// Node 22 has a WebSocket; on Node 20 the `ws` package (installed with puppeteer-core) stands in.
const WebSocketClass = globalThis.WebSocket ?? (await import('ws')).default;

/**
 * The workbench URL's payload that has the (remote) extension host started with its inspector on
 * `port`: the web client reads VS Code's `inspect-extensions` from there, not from the server's flags.
 */
export const inspectorPayload = (port) => [['inspect-extensions', String(port)]];

/** A DevTools protocol client that also delivers events (`on`). */
export class HostInspector {
  #id = 0;
  #pending = new Map();
  #listeners = new Map();

  /** Connects to the inspector listening on `port`, waiting for it to come up. */
  static async connect(port, timeoutMs = 120_000) {
    const until = Date.now() + timeoutMs;
    let target;
    while (!target) {
      try {
        target = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()).find((t) => t.webSocketDebuggerUrl);
      } catch {
        /* not listening yet */
      }
      if (!target && Date.now() > until) throw new Error(`no extension host inspector on port ${port}`);
      if (!target) await new Promise((r) => setTimeout(r, 500));
    }
    const inspector = new HostInspector();
    const ws = new WebSocketClass(target.webSocketDebuggerUrl);
    inspector.ws = ws;
    ws.onmessage = (e) => inspector.#message(JSON.parse(typeof e.data === 'string' ? e.data : e.data.toString()));
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = (e) => reject(new Error(`inspector: ${e.message ?? 'connection failed'}`));
    });
    return inspector;
  }

  #message(msg) {
    if (msg.id === undefined) {
      for (const listener of this.#listeners.get(msg.method) ?? []) listener(msg.params);
      return;
    }
    const p = this.#pending.get(msg.id);
    if (!p) return;
    this.#pending.delete(msg.id);
    if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
    else p.resolve(msg.result);
  }

  on(method, listener) {
    if (!this.#listeners.has(method)) this.#listeners.set(method, []);
    this.#listeners.get(method).push(listener);
  }

  send(method, params = {}) {
    const id = ++this.#id;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject, method }));
  }

  close() {
    this.ws.close();
  }
}
