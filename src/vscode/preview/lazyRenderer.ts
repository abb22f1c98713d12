// Creates the core renderer (one typesetting worker + formula cache) on first use, so that
// activation stays cheap, and disposes it with the extension.
import * as vscode from 'vscode';
import type { MathdownRenderer } from '../../core/render';
import { core } from '../core';

export class LazyRenderer implements vscode.Disposable {
  private renderer: MathdownRenderer | undefined;

  constructor(private readonly workerFile: string) {}

  get(): MathdownRenderer {
    this.renderer ??= new (core().MathdownRenderer)({ workerFile: this.workerFile });
    return this.renderer;
  }

  dispose(): void {
    void this.renderer?.dispose();
    this.renderer = undefined;
  }
}
