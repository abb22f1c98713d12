// The title of an exported page: front matter `title:`, else the first heading, else the file name.
import { frontMatterField, frontMatterLength } from '../markdown/frontMatter';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Inline Markdown reduced to the text a reader sees (emphasis, code ticks, links, images). */
function plainInline(md: string): string {
  return md
    // No bracket, `<` or backtick run is scanned twice, and emphasis spans at most 200 characters:
    // linear time on hostile headings (`[[[…`, `<a <a …`, ` _a _a …`).
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/!?\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/<[^<>\n]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.{1,200}?)(?<=\S)[*_](?!\w)/g, '$1$2')
    .replace(/(?<!`)`+([^`]+)`+/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstHeading(text: string): string | undefined {
  const lines = text.slice(frontMatterLength(text)).split(/\r?\n/);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && CLOSING_FENCE.test(line)) fence = undefined;
      continue;
    }
    if (f) { fence = f[1]; continue; }
    if (/^ {4}|^\t/.test(line)) continue;
    const atx = ATX.exec(line);
    if (atx) {
      const title = plainInline(atx[1] ?? '');
      if (title) return title;
      continue;
    }
    const next = lines[i + 1];
    if (line.trim() && next !== undefined && SETEXT.test(next) && !/^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}$/.test(line) && !/^ {0,3}([-+*]|\d+[.)])[ \t]/.test(line) && !/^ {0,3}>/.test(line)) {
      const title = plainInline(line);
      if (title) return title;
    }
  }
  return undefined;
}

/** The page title: front matter `title:`, else the first heading's text, else `sourceName` without its extension. */
export function documentTitle(text: string, sourceName?: string): string {
  const fallback = (sourceName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return frontMatterField(text, 'title') ?? firstHeading(text) ?? (fallback || 'Untitled');
}
