import sanitizeHtml from 'sanitize-html';

const START = '\uE000mathdown-fragment\uE001';
const END = '\uE002mathdown-fragment\uE003';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img',
  'details',
  'summary',
  'del',
  'ins',
  'picture',
  'source',
  'center',
  'font',
  'big',
  'tt',
  'strike',
];

/** sanitize-html writes void elements the XHTML way (`<img … />`); HTML5 pages write them as `<img …>`, as Marked does. */
const SELF_CLOSING_END = / \/>/g;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // `col` and `source` are void elements too; sanitize-html 2.17 (the last for Node 20) does not list them.
  selfClosing: [...(sanitizeHtml.defaults.selfClosing ?? []), 'col', 'source', 'wbr'],
  allowedAttributes: {
    '*': ['align', 'title', 'id', 'class', 'dir', 'lang', 'width', 'height', 'valign'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'loading', 'srcset'],
    source: ['srcset', 'media', 'type'],
    details: ['open'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start', 'type', 'reversed'],
    li: ['value'],
    col: ['span'],
    colgroup: ['span'],
    font: ['color', 'size', 'face'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel', 'ftp', 'ftps'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  transformTags: {
    img: (tagName, attribs) => {
      const src = attribs.src?.replace(/[\u0000-\u0020]+/g, '').toLowerCase() ?? '';
      if (src.startsWith('data:') && !src.startsWith('data:image/')) {
        const { src: _dropped, ...rest } = attribs;
        return { tagName, attribs: rest };
      }
      return { tagName, attribs };
    },
  },
};

/**
 * Sanitises the raw HTML pieces of one render. Marked hands raw HTML over in pieces (`<details>`
 * as one block, `</details>` blocks later; `<sub>`, text, `</sub>` inline), and sanitize-html on
 * its own would close every open tag at the end of a piece and drop every lone close tag. So each
 * piece is sanitised behind re-opened copies of the tags still open from earlier pieces, between
 * two sentinels: what precedes the first sentinel is the re-opening, what follows the second is
 * the closes sanitize-html implied, which tell which tags remain open.
 *
 * Frames (`enter`/`leave`) keep the output balanced per element: tags opened inside a paragraph,
 * list item or block quote are closed at its end, and a close tag cannot reach out of its frame.
 */
export class HtmlSanitizer {
  #open: string[] = [];
  #base = 0;

  /** Number of raw tags currently open (all frames). */
  get depth(): number {
    return this.#open.length;
  }

  sanitize(fragment: string): string {
    const reopened = this.#open.slice(this.#base);
    // Text and attribute values come out escaped, so ` />` can only end a tag.
    const out = sanitizeHtml(reopened.map((t) => `<${t}>`).join('') + START + fragment + END, OPTIONS).replace(SELF_CLOSING_END, '>');
    const start = out.indexOf(START);
    const end = out.lastIndexOf(END);
    if (start < 0 || end < start) return sanitizeHtml(fragment, OPTIONS).replace(SELF_CLOSING_END, '>');
    const stillOpen = [...out.slice(end + END.length).matchAll(/<\/([a-zA-Z][\w-]*)>/g)].map((m) => m[1]!.toLowerCase()).reverse();
    this.#open.splice(this.#base, this.#open.length - this.#base, ...stillOpen);
    return out.slice(start + START.length, end);
  }

  /** Starts a frame; returns the token to pass to `leave`. */
  enter(): number {
    const previous = this.#base;
    this.#base = this.#open.length;
    return previous;
  }

  /** Ends a frame: the close tags for what was opened inside it and is still open. */
  leave(previous: number): string {
    const closes = this.#closeFrom(this.#base);
    this.#base = previous;
    return closes;
  }

  /** Close tags for everything still open. */
  closeAll(): string {
    this.#base = 0;
    return this.#closeFrom(0);
  }

  #closeFrom(index: number): string {
    return this.#open
      .splice(index)
      .reverse()
      .map((t) => `</${t}>`)
      .join('');
  }
}
