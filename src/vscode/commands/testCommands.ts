// Test-only hooks for the integration tests (MATHDOWN_TEST set): never contributed, never in the
// product's command table.
import * as vscode from 'vscode';
import type { PreviewState } from '../../shared/preview';
import type { ExportUi } from '../export/exportUi';
import type { ProjectOfferUi } from '../lint/projectDetection';
import type { SecurityUi } from '../previewSecurity/securitySelector';
import { PREVIEW_VIEW_TYPE } from '../preview/previewPanel';
import type { CommandServices } from './productCommands';
import type { TestCommandTable } from './registerCommands';

export function testCommands(s: CommandServices): TestCommandTable {
  return {
    'mathdown.test.previewSnapshot': (timeoutMs?: number) => s.previews.snapshot(timeoutMs),
    'mathdown.test.scrollPreview': (line: number) => s.previews.testUserScroll(line),
    'mathdown.test.clickInPreview': (selector: string, event?: 'dblclick') => s.previews.testDispatch(selector, event ?? 'click'),
    'mathdown.test.failNextRender': () => s.previews.testFailNextRender(),
    'mathdown.test.probePreview': (probe: 'contextMenu' | 'copySelection', selector: string, to?: string) =>
      s.previews.testProbe(probe, selector, to),
    'mathdown.test.revivePreview': async (state: PreviewState) => {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        'Mathdown',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true },
      );
      await s.previews.deserializeWebviewPanel(panel, state);
    },
    'mathdown.test.saveFormulaCache': () => s.renderer.saveCache(),
    /** What the notebook renderer last reported shown for the notebook `uri` (undefined before any report). */
    'mathdown.test.notebookShown': (uri: string) => s.notebooks.shown.get(uri),
    /** Clicks the first element matching `selector` in the Markdown cells of the notebook `uri` (true when an editor of it was told). */
    'mathdown.test.clickInNotebook': (uri: string, selector: string) => s.notebooks.testClick(uri, selector),
    /** Replaces the export command's dialogs by the given ExportUi; no argument restores VS Code's. */
    'mathdown.test.exportUi': (replacement?: ExportUi) => {
      s.exportHtml.setUi(replacement);
      s.exportPdf.setUi(replacement);
    },
    /** What the editor's math decorations show now. */
    'mathdown.test.editorMath': () => s.editorMath.state,
    /** Replaces the security settings picker by the given function; no argument restores VS Code's quick pick. */
    'mathdown.test.securityUi': (replacement?: SecurityUi) => s.security.setUi(replacement),
    /** Lint runs started for the document `uri`, and the version whose diagnostics wait for its save. */
    'mathdown.test.lintState': (uri: string) => s.lint.controller.testState(uri),
    /** What the status bar item of the lint destinations shows now. */
    'mathdown.test.lintTargetsStatus': () => s.lint.targetsStatus.state,
    /** Replaces the site generator offer's notification by the given function; no argument restores VS Code's. */
    'mathdown.test.projectOfferUi': (replacement?: ProjectOfferUi) => s.lint.projects.setUi(replacement),
    /** Runs the project detection of activation again (after forgetting earlier offers when asked); resolves when it is done. */
    'mathdown.test.detectProjects': (forget?: boolean) => s.lint.projects.detect({ forget: !!forget }),
  };
}
