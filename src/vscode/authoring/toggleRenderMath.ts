import * as vscode from 'vscode';
import type { Settings } from '../settings/settings';
import type { RenderMathInEditor } from '../settings/snapshot';

/**
 * The handler of mathdown.editor.toggleRenderMath: `off` when math shows in the editor, else back
 * to the mode it was in before (`cursor` at first), in the user's settings.
 */
export function toggleRenderMath(settings: Settings): () => Promise<RenderMathInEditor> {
  let last: RenderMathInEditor = 'cursor';
  return async () => {
    const now = settings.for(vscode.window.activeTextEditor?.document).editor.renderMath;
    if (now !== 'off') last = now;
    const next = now === 'off' ? last : 'off';
    await vscode.workspace.getConfiguration('mathdown.editor').update('renderMath', next, vscode.ConfigurationTarget.Global);
    return next;
  };
}
