// The one HTML escaper of the tree: what goes into element content or an attribute value, and back.
// In src/shared, a leaf module (no imports): the core, its typesetting worker and the extension host
// all use it, the last two without bundling the rest of the core.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escapes like `escapeHtml` but leaves entity references (`&amp;`, `&#42;`) as they are, as Marked does for text. */
export function escapeHtmlKeepEntities(text: string): string {
  return text.replace(/[<>"']|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, (c) => ESCAPES[c]!);
}

/**
 * Text for a double-quoted attribute value only: `&`, `"`, `<` and `>` escaped, `'` kept. What
 * the preview page's shell writes, and what MathJax's serializer is patched to write (the markup
 * stays valid XML); their output, the formula cache included, is this byte for byte.
 */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a serialiser writes into attribute values. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (m, dec?: string, hex?: string, name?: string) => {
    if (dec || hex) {
      const code = parseInt(dec ?? hex!, dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[name!.toLowerCase()] ?? m;
  });
}
