// The preview's security levels (*Mathdown: Change Preview Security Settings*, after VS Code's own
// Markdown preview) and what remote content each lets in. The one home of that rule: the preview's
// Content-Security-Policy and the HTML export both read it. Local files and data: images always load.

export const SECURITY_LEVELS = ['strict', 'allowRemote', 'allowInsecureLocal', 'allowInsecure', 'disabled'] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

/** No remote content: a document cannot make the preview call out (tracking pixels included). */
export const DEFAULT_SECURITY_LEVEL: SecurityLevel = 'strict';

export function isSecurityLevel(value: unknown): value is SecurityLevel {
  return typeof value === 'string' && (SECURITY_LEVELS as readonly string[]).includes(value);
}

const LOCAL_HTTP = ['http://localhost:*', 'http://127.0.0.1:*'];

/** CSP sources for the remote images (and media) a level allows, beside the page's own files and data: URIs. */
export function remoteSources(level: SecurityLevel): readonly string[] {
  switch (level) {
    case 'strict':
      return [];
    case 'allowRemote':
      return ['https:'];
    case 'allowInsecureLocal':
      return ['https:', ...LOCAL_HTTP];
    case 'allowInsecure':
    case 'disabled':
      return ['https:', 'http:'];
  }
}

const REMOTE = /^\s*(?:(https?):)?\/\/([^/?#\s]*)/i;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1)(?::\d*)?$/i;

/** True for an http(s) or scheme-relative (`//host/…`) URL: content from another machine. */
export function isRemoteUrl(url: string): boolean {
  return REMOTE.test(url);
}

/** Whether a remote URL may load under `level` (a scheme-relative one counts as https); other URLs are not remote and always may. */
export function allowsUrl(level: SecurityLevel, url: string): boolean {
  const m = REMOTE.exec(url);
  if (!m) return true;
  const secure = (m[1] ?? 'https').toLowerCase() === 'https';
  switch (level) {
    case 'strict':
      return false;
    case 'allowRemote':
      return secure;
    case 'allowInsecureLocal':
      return secure || LOCAL_HOST.test(m[2]!);
    case 'allowInsecure':
    case 'disabled':
      return true;
  }
}
