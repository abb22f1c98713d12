export { exportHtml, type ExportOptions } from './exportHtml';
export { documentTitle } from './documentTitle';
export { EXPORT_CSP, exportCsp } from './contentSecurityPolicy';
export { isLocalImageSource, type ImageLoader, type ImageRewriter } from './embedImages';
export type { ExportTheme } from './exportCss';
export { documentLanguage } from './documentLanguage';
