// The export to a file with the core's exportHtml bound: for the CLI and the tests, which bundle the core.
import { exportHtml } from '../core/export';
import { exportToFileWith } from './exportFileWriter';

export { defaultExportPath, ExportRefused, isSameFile, type ExportToFileOptions } from './exportFileWriter';

export const exportToFile = exportToFileWith(exportHtml);
