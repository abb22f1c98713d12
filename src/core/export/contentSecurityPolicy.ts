// The exported page runs no code: this policy would block scripts, handlers, `javascript:` URLs,
// frames, forms and outside fetches even if raw HTML in the document slipped some in. Images may
// come from data: URIs, the web, or (with `export.images: "link"`) files beside the page. Styles
// come only from the page's <style> element: the page has no style attribute (the math's are
// classes), so any that raw HTML slipped in is ignored.

export const EXPORT_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "img-src 'self' data: https: http: file:",
  "style-src 'unsafe-inline'",
  "style-src-attr 'none'",
  'font-src data:',
  "media-src 'self' data: https: http: file:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`;
