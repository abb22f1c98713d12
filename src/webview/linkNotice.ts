// The short message shown when a clicked link names a file that does not exist (the extension
// opened nothing, so the preview stays where it is). It goes away at the reader's next click.
export class LinkNotice {
  readonly #element: HTMLElement;

  constructor(element: HTMLElement) {
    this.#element = element;
    document.addEventListener('click', () => this.#hide(), true);
  }

  show(target: string): void {
    this.#element.textContent = `No file at ${target}: the link leads nowhere.`;
    this.#element.hidden = false;
  }

  /** What the page shows, for the test snapshot; null when hidden. */
  get text(): string | null {
    return this.#element.hidden ? null : this.#element.textContent;
  }

  #hide(): void {
    this.#element.hidden = true;
  }
}
