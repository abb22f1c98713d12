import { decodeHTML } from 'entities/decode';
import { Marked, type Renderer, type Token, type Tokens } from 'marked';
import { escapeHtml, escapeHtmlKeepEntities } from '../../shared/escapeHtml';
import type { FootnoteRefToken } from './footnoteExtensions';
import type { Footnotes } from './footnotes';
import type { HtmlSanitizer } from './htmlSanitizer';
import type { MathToken, SourceLineField } from './mathToken';
import type { MystDirectiveToken, MystTargetToken } from './mystDirectives';
import { plainText } from './plainText';
import { cleanUrl, isSafeUrl } from './safeUrl';

/**
 * Writes a number that depends on where the HTML stands in the document: a source line
 * (`data-line`) or a formula index (`data-formula`). The plain render writes the number itself;
 * the block cache writes it in a form it can move (see render/blockTemplate.ts).
 */
export type PositionWriter = (value: number, kind: 'line' | 'formula') => string;

/** Writes every position number as it is. */
export const writePosition: PositionWriter = (value) => String(value);

/** What one render needs besides the tokens. */
export interface RenderContext {
  readonly mathHtml: (formulaIndex: number) => string;
  readonly dataLine: boolean;
  readonly position: PositionWriter;
  readonly sanitizer: HtmlSanitizer;
  readonly headingIds: ReadonlyMap<Token, string>;
  readonly footnotes: Footnotes;
}

/** A paragraph that ends a footnote in the footnotes section carries the back-links to append. */
export interface BackrefsField {
  footnoteBackrefs?: string;
}

/**
 * A Marked instance for one render: block elements carry `data-line` and `class="code-line"`
 * (VS Code's scroll-sync convention), headings get ids, math tokens are wrapped around the HTML
 * the typesetter made, raw HTML is sanitised and link/image URLs are checked.
 */
export function renderingMarked(context: RenderContext): Marked {
  const lineOf = (token: object): number | undefined => (context.dataLine ? (token as SourceLineField).sourceLine : undefined);
  const lineAttrs = (token: object, extraClass = ''): string => {
    const line = lineOf(token);
    if (line !== undefined) return ` data-line="${context.position(line, 'line')}" class="${extraClass}code-line"`;
    return extraClass ? ` class="${extraClass.trim()}"` : '';
  };
  const framed = (render: () => string): string => {
    const frame = context.sanitizer.enter();
    const html = render();
    return html + context.sanitizer.leave(frame);
  };
  const inline = (renderer: Renderer, tokens: Token[]): string => framed(() => renderer.parser.parseInline(tokens));
  const blocks = (renderer: Renderer, tokens: Token[]): string => framed(() => renderer.parser.parse(tokens));

  return new Marked({
    gfm: true,
    extensions: [
      { name: 'math', renderer: (token) => renderMath(token as MathToken, context) },
      { name: 'frontMatter', renderer: () => '' },
      {
        name: 'mystDirective',
        renderer(token) {
          const d = token as MystDirectiveToken;
          const title = directiveTitle(d);
          const heading = title ? `<p class="myst-directive-title">${escapeHtml(title)}</p>\n` : '';
          const cls = `myst-directive myst-${d.name.replace(/[^\w-]/g, '-')} `;
          return `<div${lineAttrs(d, cls)}>\n${heading}${framed(() => this.parser.parse(d.tokens))}</div>\n`;
        },
      },
      { name: 'mystTarget', renderer: (token) => `<span id="${escapeHtml((token as MystTargetToken).label)}"></span>` },
      // Definitions show in the footnotes section (see `renderFootnotes`), not where they stand.
      { name: 'footnoteDef', renderer: () => '' },
      { name: 'footnoteRef', renderer: (token) => renderFootnoteRef(token as FootnoteRefToken, context) },
    ],
    renderer: {
      paragraph(token) {
        const text = inline(this, token.tokens);
        const backrefs = (token as BackrefsField).footnoteBackrefs;
        return `<p${lineAttrs(token)}>${text}${backrefs ? `${text ? ' ' : ''}${backrefs}` : ''}</p>\n`;
      },
      heading(token) {
        const id = context.headingIds.get(token);
        const idAttr = id ? ` id="${escapeHtml(id)}"` : '';
        return `<h${token.depth}${idAttr}${lineAttrs(token)}>${inline(this, token.tokens)}</h${token.depth}>\n`;
      },
      code(token) {
        const lang = /^\S*/.exec(token.lang ?? '')![0];
        const text = token.text ? token.text.replace(/\n$/, '') + '\n' : '';
        const langAttr = lang ? ` class="language-${escapeHtml(lang)}"` : '';
        return `<pre${lineAttrs(token)}><code${langAttr}>${escapeHtml(text)}</code></pre>\n`;
      },
      blockquote(token) {
        return `<blockquote${lineAttrs(token)}>\n${blocks(this, token.tokens)}</blockquote>\n`;
      },
      list(token) {
        const tag = token.ordered ? 'ol' : 'ul';
        const start = token.ordered && token.start !== 1 ? ` start="${token.start}"` : '';
        const items = token.items.map((item) => this.listitem(item)).join('');
        return `<${tag}${start}${lineAttrs(token)}>\n${items}</${tag}>\n`;
      },
      listitem(item) {
        return `<li${lineAttrs(item)}>${blocks(this, item.tokens)}</li>\n`;
      },
      table(token) {
        const cell = (c: Tokens.TableCell): string => {
          const tag = c.header ? 'th' : 'td';
          return `<${tag}${c.align ? ` class="align-${c.align}"` : ''}>${inline(this, c.tokens)}</${tag}>\n`;
        };
        const head = `<tr>\n${token.header.map(cell).join('')}</tr>\n`;
        const body = token.rows.map((row) => `<tr>\n${row.map(cell).join('')}</tr>\n`).join('');
        return `<table${lineAttrs(token)}>\n<thead>\n${head}</thead>\n${body ? `<tbody>${body}</tbody>` : ''}</table>\n`;
      },
      hr(token) {
        return `<hr${lineAttrs(token)}>\n`;
      },
      html(token) {
        const pieces = (token as Tokens.HTML & { tokens?: Token[] }).tokens;
        const clean = pieces ? this.parser.parseInline(pieces) : context.sanitizer.sanitize(token.text);
        const line = token.block ? lineOf(token) : undefined;
        return line === undefined ? clean : withLineAttrs(clean, line, context.position);
      },
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : escapeHtmlKeepEntities(token.text);
      },
      link(token) {
        const text = this.parser.parseInline(token.tokens);
        const href = token.autolink ? token.href : decodeHTML(token.href);
        const url = isSafeUrl(href, 'link') ? cleanUrl(href) : null;
        if (url === null) return text;
        const title = token.title ? ` title="${escapeHtmlKeepEntities(token.title)}"` : '';
        return `<a href="${escapeHtml(url)}"${title}>${text}</a>`;
      },
      image(token) {
        const alt = escapeHtml(plainText(token.tokens ?? []));
        const href = decodeHTML(token.href);
        const url = isSafeUrl(href, 'image') ? cleanUrl(href) : null;
        if (url === null) return alt;
        const title = token.title ? ` title="${escapeHtmlKeepEntities(token.title)}"` : '';
        return `<img src="${escapeHtml(url)}" alt="${alt}"${title}>`;
      },
    },
  });
}

/** Directives shown as boxes (admonitions, theorems, exercises) get a title line: the argument, or the kind. */
const TITLED = /^(?:admonition|attention|caution|danger|error|hint|important|note|seealso|tip|warning|exercise|solution|dropdown|prf:.+)$/;

function directiveTitle(d: MystDirectiveToken): string {
  if (!TITLED.test(d.name)) return '';
  const kind = d.name.replace(/^prf:/, '');
  const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
  if (d.name === 'admonition' || d.name === 'dropdown') return d.argument;
  return d.argument ? `${Kind} (${d.argument})` : Kind;
}

function renderMath(token: MathToken, context: RenderContext): string {
  const index = token.formulaIndex;
  const body = index >= 0 ? context.mathHtml(index) : escapeHtml(token.tex);
  const formulaAttr = ` data-formula="${context.position(index, 'formula')}"`;
  if (token.block) {
    const line = token.sourceLine;
    const lineAttr = context.dataLine && line !== undefined ? ` data-line="${context.position(line, 'line')}"` : '';
    const cls = lineAttr ? 'mathdown-display code-line' : 'mathdown-display';
    return `<div class="${cls}"${formulaAttr}${lineAttr} translate="no">${body}</div>\n`;
  }
  const cls = token.display ? 'mathdown-math mathdown-display-inline' : 'mathdown-math';
  return `<span class="${cls}"${formulaAttr} translate="no">${body}</span>`;
}

function renderFootnoteRef(token: FootnoteRefToken, context: RenderContext): string {
  const ref = context.footnotes.refs.get(token);
  if (!ref) return escapeHtml(token.raw);
  return `<sup class="footnote-ref"><a href="${escapeHtml(ref.href)}" id="${escapeHtml(ref.id)}" data-footnote-ref>${ref.number}</a></sup>`;
}

/**
 * Adds `data-line`/`code-line` to the first opening tag of a sanitised HTML block. The line is
 * written only when there is such a tag: every position number written ends up in the HTML.
 */
function withLineAttrs(html: string, line: number, position: PositionWriter): string {
  const m = /^(\s*<[a-zA-Z][\w-]*)((?:\s[^>]*)?)(\/?>)/.exec(html);
  if (!m) return html;
  const lineAttr = ` data-line="${position(line, 'line')}"`;
  const existing = / class="([^"]*)"/.exec(m[2]!);
  const rest = existing ? m[2]!.replace(existing[0], ` class="${existing[1]} code-line"`) : `${m[2]} class="code-line"`;
  return `${m[1]}${lineAttr}${rest}${m[3]}${html.slice(m[0].length)}`;
}
