// Remote images the preview's security level does not allow are left out of an exported page, so
// that opening it does not call out where the preview would not: an <img> becomes its alt text
// (marked, with the URL in its title), a srcset or <source> naming such a URL goes. What stays
// is linked as written; the page's policy (contentSecurityPolicy.ts) blocks anything missed here.
import { escapeHtml, unescapeHtml } from '../../shared/escapeHtml';
import { allowsUrl, isRemoteUrl, type SecurityLevel } from '../../shared/remoteContent';

const IMG = /<img\b[^>]*>/gi;
const SOURCE = /<source\b[^>]*>/gi;
const SRCSET = /\ssrcset=("[^"]*"|'[^']*')/i;

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=("[^"]*"|'[^']*')`, 'i').exec(tag);
  return m ? unescapeHtml(m[1]!.slice(1, -1)) : undefined;
}

/** The URLs of a srcset (each candidate's first word). */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

function blocked(level: SecurityLevel, url: string | undefined): boolean {
  return url !== undefined && isRemoteUrl(url) && !allowsUrl(level, url);
}

function blockedSrcset(level: SecurityLevel, tag: string): boolean {
  const srcset = attribute(tag, 'srcset');
  return srcset !== undefined && srcsetUrls(srcset).some((u) => blocked(level, u));
}

export function omitRemoteImages(html: string, level: SecurityLevel): string {
  return html
    .replace(IMG, (tag) => {
      const src = attribute(tag, 'src');
      if (blocked(level, src)) {
        const alt = attribute(tag, 'alt') ?? '';
        return `<span class="mathdown-omitted-image" title="${escapeHtml(`Remote image left out: ${src}`)}">${escapeHtml(alt)}</span>`;
      }
      return blockedSrcset(level, tag) ? tag.replace(SRCSET, '') : tag;
    })
    .replace(SOURCE, (tag) => (blockedSrcset(level, tag) ? '' : tag));
}
