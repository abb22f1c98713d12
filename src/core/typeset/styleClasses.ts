// Style attributes moved into classes, for pages that must not carry inline styles (the export).
import type { LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { LiteElement, LiteNode } from 'mathjax-full/js/adaptors/lite/Element.js';
import { styleClassName } from './typesetKeys';
import type { StyleRule } from './typesetProtocol';

export type { StyleRule } from './typesetProtocol';

const PLAIN_CHARACTERS = /^[-\w\s#%.,:;()!+/]*$/;

/**
 * Whether a style attribute can be written into a `<style>` element as it is: MathJax's own
 * styles (lengths, keywords) and what its safe filter lets `\style`/`\bbox` through, but nothing
 * that could end the rule or the element (`}`, `</style>`), open a comment, string or escape,
 * or leave a parenthesis open (which would swallow the rules after it).
 */
function plainDeclarations(style: string): boolean {
  if (!style.trim() || !PLAIN_CHARACTERS.test(style)) return false;
  let depth = 0;
  for (const c of style) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
    else if (c === ';' && depth > 0) return false;
  }
  return depth === 0;
}

/** Whether a rule is one `moveStylesToClasses` could have made (a rule read back from a file is checked again). */
export function isStyleRule([name, declarations]: readonly [string, string]): boolean {
  return /^mjx-s[\w-]+$/.test(name) && plainDeclarations(declarations);
}

/**
 * Replaces the style attribute of `root` and of every element under it by a class named after
 * the declarations, and returns the rules, each once. A style holding anything else than plain
 * declarations is dropped rather than carried into the page's stylesheet.
 */
export function moveStylesToClasses(adaptor: LiteAdaptor, root: LiteElement): StyleRule[] {
  const rules = new Map<string, string>();
  const visit = (node: LiteNode): void => {
    if (!('attributes' in node)) return;
    const style = adaptor.getAttribute(node, 'style') as string | undefined;
    if (style !== undefined) {
      adaptor.removeAttribute(node, 'style');
      if (plainDeclarations(style)) {
        const name = styleClassName(style);
        rules.set(name, style);
        const classes = adaptor.getAttribute(node, 'class') as string | undefined;
        adaptor.setAttribute(node, 'class', classes ? `${classes} ${name}` : name);
      }
    }
    node.children.forEach(visit);
  };
  visit(root);
  return [...rules];
}

/**
 * One CSS rule per class, each once, in order of first use. `!important` gives the declarations
 * the precedence they had as a style attribute, above every rule of the stylesheets.
 */
export function styleRulesCss(lists: Iterable<ReadonlyArray<StyleRule>>): string {
  const rules = new Map<string, string>();
  for (const list of lists) for (const [name, declarations] of list) rules.set(name, declarations);
  let css = '';
  for (const [name, declarations] of rules) {
    const important = declarations
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => (/!\s*important$/i.test(d) ? d : `${d} !important`));
    css += `.${name}{${important.join(';')}}\n`;
  }
  return css;
}
