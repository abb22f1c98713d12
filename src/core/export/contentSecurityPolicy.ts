// The exported page runs no code: this policy would block scripts, handlers, `javascript:` URLs,
// frames, forms and outside fetches even if raw HTML in the document slipped some in. Images may
// come from data: URIs, files beside the page (with `export.images: "link"`), and the remote
// sources the preview's security level allows (remoteContent.ts): the export left the others out
// of the page already, and the policy holds that line for anything that slipped past. Styles come
// only from the page's <style> element: the page has no style attribute (the math's are classes),
// so any that raw HTML slipped in is ignored.
import { DEFAULT_SECURITY_LEVEL, remoteSources, type SecurityLevel } from '../../shared/remoteContent';

export function exportCsp(level: SecurityLevel): string {
  const images = ["'self'", 'data:', ...remoteSources(level), 'file:'].join(' ');
  return [
    "default-src 'none'",
    "script-src 'none'",
    `img-src ${images}`,
    "style-src 'unsafe-inline'",
    "style-src-attr 'none'",
    'font-src data:',
    `media-src ${images}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy of a page exported at the default level (strict: no remote image). */
export const EXPORT_CSP = exportCsp(DEFAULT_SECURITY_LEVEL);

/** The policy's <meta>; its text has no character an attribute would need escaped. */
export function cspMeta(level: SecurityLevel): string {
  return `<meta http-equiv="Content-Security-Policy" content="${exportCsp(level)}">`;
}
