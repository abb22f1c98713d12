// Functions evaluated inside a preview webview's frame (serialised by Playwright, so each must be
// self-contained). They watch the DOM for the typed change and record when it appeared (Date.now()).

/** Installs a watcher; `probe` = { kind: 'builtin' | 'mathdown', snippet, line0 }. */
export function installWatcher(probe) {
  const w = window;
  w.__benchProbe = probe;
  w.__benchChanged = null;
  w.__benchLastMutation = Date.now();
  const blockAt = (line0) => Array.from(document.querySelectorAll('#mathdown-content > [data-key]'))
    .find((el) => Number(el.dataset.line) <= line0 && line0 < Number(el.dataset.endLine));
  const found = () => {
    const p = w.__benchProbe;
    if (p.kind === 'mathdown') {
      const block = blockAt(p.line0);
      return Boolean(block && block.dataset.key !== p.oldKey && block.querySelector('mjx-container, .mathdown-error'));
    }
    for (const el of document.querySelectorAll('annotation, .katex-error')) if (el.textContent.includes(p.snippet)) return true;
    return false;
  };
  w.__benchBlockKey = (line0) => blockAt(line0)?.dataset.key ?? null;
  w.__benchCheck = () => {
    if (w.__benchChanged === null && w.__benchProbe.snippet !== undefined && found()) w.__benchChanged = Date.now();
    return w.__benchChanged;
  };
  w.__benchObserver?.disconnect();
  w.__benchObserver = new MutationObserver(() => {
    w.__benchLastMutation = Date.now();
    w.__benchCheck();
  });
  w.__benchObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
  return true;
}

/** Arms the watcher for the next change: what to look for once the key is pressed. */
export function armWatcher(probe) {
  window.__benchProbe = probe;
  window.__benchChanged = null;
  return window.__benchCheck();
}

export function readWatcher() {
  return { changed: window.__benchCheck(), lastMutation: window.__benchLastMutation, now: Date.now() };
}

export function blockKey(line0) {
  return window.__benchBlockKey(line0);
}
