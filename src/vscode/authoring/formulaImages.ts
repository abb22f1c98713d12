import * as vscode from 'vscode';
import type { FormulaPreview, MathdownRenderer, MathOptions, TexError } from '../../core';
import { core } from '../core';

export interface FormulaImage {
  /** `data:image/svg+xml;base64,…`, absent when MathJax produced no SVG. */
  uri?: string;
  error?: TexError;
}

const MAX_CACHED = 500;

/** Typesets one formula (with the definitions it needs) into an image for hovers and completion details. */
export class FormulaImages {
  readonly #cache = new Map<string, Promise<FormulaImage>>();
  readonly #renderer: () => MathdownRenderer;

  constructor(renderer: () => MathdownRenderer) {
    this.#renderer = renderer;
  }

  image(preview: FormulaPreview, math: MathOptions, token?: vscode.CancellationToken): Promise<FormulaImage> {
    const color = foreground();
    const key = JSON.stringify([preview, math.macros, math.environments, math.packages, color]);
    let hit = this.#cache.get(key);
    if (!hit) {
      hit = this.#render(preview, math, color, token);
      this.#cache.set(key, hit);
      hit.catch(() => this.#cache.delete(key));
      if (this.#cache.size > MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return hit;
  }

  async #render(preview: FormulaPreview, settings: MathOptions, color: string, token?: vscode.CancellationToken): Promise<FormulaImage> {
    const { text, math } = core().previewDocument(preview, settings);
    const controller = new AbortController();
    const subscription = token?.onCancellationRequested(() => controller.abort());
    try {
      const result = await this.#renderer().render(text, { math, fontCache: 'local', signal: controller.signal });
      const svg = core().firstFormulaSvg(result.html);
      const error = result.formulas[0]?.error;
      return { ...(svg ? { uri: core().svgDataUri(svg, color) } : {}), ...(error ? { error } : {}) };
    } finally {
      subscription?.dispose();
    }
  }
}

/** An image has no inherited text colour: pick one that reads on the current theme. */
function foreground(): string {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.Light || kind === vscode.ColorThemeKind.HighContrastLight ? '#1f1f1f' : '#e6e6e6';
}

/** Markdown for a hover or completion detail: the image, then the TeX error if any. */
export function imageMarkdown(image: FormulaImage, caption?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  if (image.uri) md.appendMarkdown(`![formula](${image.uri})`);
  if (image.error) md.appendMarkdown(`${image.uri ? '\n\n' : ''}**${image.error.id}**: `).appendText(image.error.message);
  if (caption) md.appendMarkdown('\n\n').appendText(caption);
  return md;
}
