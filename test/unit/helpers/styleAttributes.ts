// Markup compared modulo the export's style classes: each class turned back into the style
// attribute it stands for, and every start tag's attributes in one order.

const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)(\s*\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:="([^"]*)")?/g;

/** The class rules of a page's stylesheet, as class → declarations in the form of MathJax's style attributes. */
export function styleClassRules(css: string): Map<string, string> {
  const rules = new Map<string, string>();
  for (const m of css.matchAll(/^\.(mjx-s[\w-]+)\{([^}]*)\}$/gm)) {
    rules.set(
      m[1]!,
      m[2]!
        .split(';')
        .map((d) => `${d.replace(/ !important$/, '')};`)
        .join(' '),
    );
  }
  return rules;
}

/** Lets a caller undo a further difference in a start tag; `previous` is the name of the start tag before it. */
export type TagEdit = (name: string, attributes: Map<string, string>, previous: string | undefined) => void;

/**
 * `html` with each class named in `rules` replaced by its style attribute (a class missing from
 * `rules` throws), then `edit` applied, and every start tag's attributes sorted by name.
 */
export function withStyleAttributes(html: string, rules = new Map<string, string>(), edit?: TagEdit): string {
  let previous: string | undefined;
  return html.replace(START_TAG, (_whole, name: string, attributeText: string, end: string) => {
    const attributes = new Map([...attributeText.matchAll(ATTRIBUTE)].map((a) => [a[1]!, a[2] ?? ''] as [string, string]));
    const classes = (attributes.get('class') ?? '').split(' ').filter(Boolean);
    const styled = classes.filter((c) => c.startsWith('mjx-s'));
    if (styled.length) {
      if (styled.length > 1 || attributes.has('style'))
        throw new Error(`<${name}> has ${styled.join(', ')} and ${attributes.get('style') ?? 'no style'}`);
      const style = rules.get(styled[0]!);
      if (style === undefined) throw new Error(`no rule for class ${styled[0]}`);
      attributes.set('style', style);
      const rest = classes.filter((c) => c !== styled[0]);
      if (rest.length) attributes.set('class', rest.join(' '));
      else attributes.delete('class');
    }
    edit?.(name, attributes, previous);
    previous = name;
    const sorted = [...attributes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `<${name}${sorted.map(([k, v]) => ` ${k}="${v}"`).join('')}${end}>`;
  });
}
