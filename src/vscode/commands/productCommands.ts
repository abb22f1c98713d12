// The command table: every command in package.json's contributes.commands and its one handler.
import { clearFormulaCacheCommand } from '../cacheCommands';
import type { EditorMath } from '../authoring/editorMath';
import { toggleRenderMath } from '../authoring/toggleRenderMath';
import type { ExportHtmlCommand } from '../export/exportCommand';
import type { Lint } from '../lint';
import { applySetting } from '../lint/applySetting';
import type { NotebookMath } from '../notebook/notebookMath';
import { copyFormulaCommands } from '../preview/copyFormulaCommands';
import type { LazyRenderer } from '../preview/lazyRenderer';
import { previewCommands } from '../preview/previewCommands';
import type { PreviewManager } from '../preview/previewManager';
import type { Settings } from '../settings/settings';
import type { SecuritySelector } from '../previewSecurity/securitySelector';
import type { CommandTable } from './registerCommands';

export interface CommandServices {
  previews: PreviewManager;
  renderer: LazyRenderer;
  exportHtml: ExportHtmlCommand;
  exportPdf: ExportHtmlCommand;
  lint: Lint;
  editorMath: EditorMath;
  settings: Settings;
  security: SecuritySelector;
  notebooks: NotebookMath;
}

export function productCommands(s: CommandServices): CommandTable {
  const preview = previewCommands(s.previews);
  const copy = copyFormulaCommands(s.previews);
  return {
    'mathdown.preview.open': preview.open,
    'mathdown.preview.openToSide': preview.openToSide,
    'mathdown.preview.toggleLock': preview.toggleLock,
    'mathdown.preview.refresh': preview.refresh,
    'mathdown.preview.copyTex': copy.copyTex,
    'mathdown.preview.copyMathml': copy.copyMathml,
    'mathdown.preview.copySvg': copy.copySvg,
    'mathdown.preview.changeSecuritySettings': s.security.run,
    'mathdown.clearFormulaCache': clearFormulaCacheCommand(s.renderer, s.previews),
    'mathdown.export.html': s.exportHtml.run,
    'mathdown.export.pdf': s.exportPdf.run,
    'mathdown.lint.fixAll': s.lint.fixAll,
    'mathdown.lint.applySetting': applySetting,
    'mathdown.editor.toggleRenderMath': toggleRenderMath(s.settings),
  };
}
