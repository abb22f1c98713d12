// The notice that the page's Content-Security-Policy blocked content the document asked for
// (remote images under the strict level, as VS Code's Markdown preview shows it). A click on it asks
// the extension for the security settings picker, where the reader can allow that content.

/** Directives the security levels govern; another violation is not the document's doing. */
const CONTENT_DIRECTIVE = /^(img|media)-src/;
/** The blocked URLs kept for the test snapshot (a document may have thousands). */
const KEEP = 20;

export class SecurityNotice {
  readonly #element: HTMLElement;
  readonly #blocked: string[] = [];

  constructor(element: HTMLElement, onClick: () => void) {
    this.#element = element;
    element.addEventListener('click', (e) => {
      e.preventDefault();
      onClick();
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      if (!CONTENT_DIRECTIVE.test(e.effectiveDirective)) return;
      if (this.#blocked.length < KEEP) this.#blocked.push(e.blockedURI);
      element.hidden = false;
    });
  }

  get shown(): boolean {
    return !this.#element.hidden;
  }

  /** What was blocked since the page loaded (the first few). */
  get blocked(): readonly string[] {
    return this.#blocked;
  }
}
