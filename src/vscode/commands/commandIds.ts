// Every command id the extension registers, without vscode so that a unit test can hold them against
// package.json: the product's (contributes.commands, one handler each in the command table) and the
// test-only hooks (registered only with MATHDOWN_TEST, never contributed).
export const PRODUCT_COMMAND_IDS = [
  'mathdown.preview.open',
  'mathdown.preview.openToSide',
  'mathdown.preview.toggleLock',
  'mathdown.preview.refresh',
  'mathdown.preview.copyTex',
  'mathdown.preview.copyMathml',
  'mathdown.preview.copySvg',
  'mathdown.preview.changeSecuritySettings',
  'mathdown.clearFormulaCache',
  'mathdown.export.html',
  'mathdown.export.pdf',
  'mathdown.lint.fixAll',
  'mathdown.lint.applySetting',
  'mathdown.editor.toggleRenderMath',
] as const;

export const TEST_COMMAND_IDS = [
  'mathdown.test.previewSnapshot',
  'mathdown.test.scrollPreview',
  'mathdown.test.clickInPreview',
  'mathdown.test.failNextRender',
  'mathdown.test.probePreview',
  'mathdown.test.revivePreview',
  'mathdown.test.saveFormulaCache',
  'mathdown.test.notebookShown',
  'mathdown.test.clickInNotebook',
  'mathdown.test.exportUi',
  'mathdown.test.editorMath',
  'mathdown.test.securityUi',
  'mathdown.test.lintTargetsStatus',
  'mathdown.test.lintState',
  'mathdown.test.projectOfferUi',
  'mathdown.test.detectProjects',
] as const;

export type ProductCommandId = (typeof PRODUCT_COMMAND_IDS)[number];
export type TestCommandId = (typeof TEST_COMMAND_IDS)[number];
