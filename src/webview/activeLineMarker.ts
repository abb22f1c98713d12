// Marks the block that holds the editor's cursor (setting mathdown.preview.markEditorSelection).
const CLASS = 'mathdown-active-line';

export function markActiveLine(root: HTMLElement, line: number | null): void {
  for (const el of Array.from(root.querySelectorAll(`.${CLASS}`))) el.classList.remove(CLASS);
  if (line === null) return;
  let best: HTMLElement | undefined;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('.mathdown-block[data-line]'))) {
    if (Number(el.dataset['line']) <= line) best = el;
    else break;
  }
  best?.classList.add(CLASS);
}

export function activeLine(root: HTMLElement): number | null {
  const el = root.querySelector<HTMLElement>(`.${CLASS}`);
  return el ? Number(el.dataset['line']) : null;
}
