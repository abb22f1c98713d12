// Macros a document's YAML front matter carries. Accepted conventions:
//  - MyST's `math:` mapping (`'\R': '\mathbb{R}'`, arguments as #1…#9), the one Markdown tools
//    already share (mystmd, Jupyter Book);
//  - pandoc/Quarto's `header-includes` (a string or a `|` block) holding \newcommand and friends:
//    writers who make PDFs with pandoc keep their macros there, so the preview then matches the
//    PDF. Lines there that are not definitions (\usepackage…) belong to LaTeX and are skipped.
// Only this much YAML is read: a top-level key, then its indented lines or an inline scalar.
import { frontMatterBody } from './frontMatter';

export interface FrontMatterMath {
  /** MyST `math:` entries, name without backslash → definition, in order. */
  macros: Array<{ name: string; definition: string; args: number }>;
  /** The TeX of `header-includes`, if any. */
  headerIncludes?: string;
}

export function frontMatterMath(text: string): FrontMatterMath | undefined {
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return undefined;
  const fm = frontMatterBody(text);
  if (!fm) return undefined;
  const lines = fm.body.split(/\r?\n/);
  const out: FrontMatterMath = { macros: [] };
  for (let i = 0; i < lines.length; i++) {
    const key = /^(math|header-includes)[ \t]*:[ \t]*(.*)$/.exec(lines[i]!);
    if (!key) continue;
    const block: string[] = [];
    while (i + 1 < lines.length && (/^[ \t]/.test(lines[i + 1]!) || lines[i + 1]!.trim() === '')) block.push(lines[++i]!);
    const inline = stripYamlComment(key[2]!);
    if (key[1] === 'math') {
      for (const line of block) {
        const entry = /^[ \t]+((?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^:#\s][^:]*?))[ \t]*:[ \t]+(.+)$/.exec(line);
        if (!entry) continue;
        const name = yamlScalar(entry[1]!).replace(/^\\/, '');
        const definition = yamlScalar(stripYamlComment(entry[2]!));
        if (!/^[A-Za-z]+$/.test(name) || !definition) continue;
        const args = Math.max(0, ...[...definition.matchAll(/#([1-9])/g)].map((m) => Number(m[1])));
        out.macros.push({ name, definition, args });
      }
    } else if (/^[|>][-+]?$/.test(inline)) {
      const indent = Math.min(...block.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
      out.headerIncludes = block.map((l) => l.slice(indent)).join('\n');
    } else if (inline.startsWith('-') || inline === '') {
      // A list of strings (`- \newcommand…`), one definition per item.
      const items = (inline ? [inline, ...block] : block).map((l) => /^[ \t]*-[ \t]+(.*)$/.exec(l)?.[1]).filter((l) => l !== undefined);
      if (items.length) out.headerIncludes = items.map((l) => yamlScalar(stripYamlComment(l))).join('\n');
    } else out.headerIncludes = yamlScalar(inline);
  }
  return out.macros.length || out.headerIncludes !== undefined ? out : undefined;
}

/** A YAML flow scalar's value: quotes removed, `''` and double-quoted escapes read. */
function yamlScalar(raw: string): string {
  const v = raw.trim();
  if (/^'.*'$/s.test(v)) return v.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/s.test(v)) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

/** A plain scalar ends before ` #`; quoted ones are kept whole. */
function stripYamlComment(raw: string): string {
  const v = raw.trim();
  if (v.startsWith("'") || v.startsWith('"')) return v;
  return v.replace(/[ \t]#.*$/, '').trim();
}
