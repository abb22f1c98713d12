// Just enough of YAML front matter for a page's metadata: top-level `key: scalar` lines.

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The front matter block's length in characters, BOM included (0 when the document has none). */
export function frontMatterLength(text: string): number {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const m = FRONT_MATTER.exec(text.slice(bom));
  return m ? m[0].length + bom : 0;
}

/** The value of a top-level scalar `key:` in the front matter, unquoted; undefined when absent or empty. */
export function frontMatterField(text: string, key: string): string | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const m = FRONT_MATTER.exec(text.slice(bom));
  const prefix = new RegExp(`^${key}[ \\t]*:`);
  const line = m?.[1].split(/\r?\n/).find((l) => prefix.test(l));
  if (!line) return undefined;
  let value = line.replace(prefix, '').trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) {
    try { value = JSON.parse(value) as string; } catch { value = value.slice(1, -1); }
  } else if (/^'.*'$/.test(value)) {
    value = value.slice(1, -1).replace(/''/g, "'");
  } else {
    value = value.replace(/[ \t]#.*$/, '');
  }
  return value.trim() || undefined;
}
