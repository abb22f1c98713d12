import type { Formula, MathOptions } from '../types';
import { completionPrefixAt, type CompletionPrefix } from './completionPrefix';
import { userMacros, type UserMacro } from './documentMacros';
import type { FormulaPreview } from './formulaPreview';
import { equationLabels } from '../labels/equationLabels';
import { mathContextAt, texEnd } from './mathContextAt';
import { openFormulaAt } from './openFormulaAt';
import type { MathDocument } from './mathDocument';
import { MATH_SNIPPETS } from './mathSnippets';
import { snippetDefaultText } from './snippetText';
import { TEX_COMMANDS, TEX_ENVIRONMENTS } from './texCatalog';
import { OPTIONAL_TEX_PACKAGES } from '../mathjax/texPackages';

export type TexCompletionKind = 'symbol' | 'command' | 'delimiter' | 'environment' | 'macro' | 'snippet' | 'label';

/** One completion, in editor-neutral terms; `insertSnippet` is in VS Code snippet syntax. */
export interface TexCompletion {
  label: string;
  kind: TexCompletionKind;
  insertSnippet: string;
  filterText: string;
  sortText: string;
  detail: string;
  documentation?: string;
  /** Rendered lazily for the item's documentation. */
  preview?: FormulaPreview;
  /** Ask for completions again after inserting (`\begin{` → environment names). */
  retrigger?: boolean;
}

/** Items replace the document text between `start` and `end`. */
export interface CompletionAnswer {
  start: number;
  end: number;
  items: TexCompletion[];
}

const SAMPLE_ARGS = ['a', 'b', 'c', 'd'];
const RETRIGGER = new Set(['begin', 'end', 'ref', 'eqref']);

/** Completions at `offset`, or undefined when the cursor is not inside math. */
export function mathCompletionsAt(
  doc: MathDocument,
  offset: number,
  settingsMacros: MathOptions['macros'] = {},
  /** The enabled optional packages, and the environments the settings and preamble define. */
  more: Partial<Pick<MathOptions, 'packages' | 'environments'>> = {},
): CompletionAnswer | undefined {
  const context = mathContextAt(doc, offset) ?? openFormulaAt(doc, offset);
  if (!context) return undefined;
  const { formula } = context;
  const prefix = completionPrefixAt(doc.text, offset, formula.texOffset);
  if (!prefix) return { start: offset, end: offset, items: [] };
  if ((formula.delimiter === 'ref' || formula.delimiter === '{eq}') && prefix.kind !== 'label') return undefined;
  const end = prefix.kind === 'environment' || prefix.kind === 'label' ? closingBrace(doc.text, offset) : offset;
  const items = itemsFor(prefix, doc, formula, offset, settingsMacros, more.packages ?? [], more.environments ?? {});
  return { start: prefix.start, end, items };
}

function closingBrace(text: string, offset: number): number {
  return text[offset] === '}' ? offset + 1 : offset;
}

function itemsFor(
  prefix: CompletionPrefix,
  doc: MathDocument,
  formula: Formula,
  offset: number,
  settings: MathOptions['macros'],
  packages: MathOptions['packages'],
  environments: MathOptions['environments'],
): TexCompletion[] {
  const macros = userMacros(doc.formulas, settings);
  const definitions = macros.flatMap((m) => (m.source ? [m.source] : []));
  switch (prefix.kind) {
    case 'environment':
      return environmentItems(doc.text, formula, offset, prefix.closing, macros, packages, environments);
    case 'label': {
      const own = equationLabels(doc.formulas).map((l, i): TexCompletion => {
        const target = doc.formulas[l.formulaIndex]!;
        return {
          label: l.key,
          kind: 'label',
          insertSnippet: escapeSnippet(l.key) + '}',
          filterText: l.key,
          sortText: pad(i),
          detail: `equation on line ${target.line}`,
          preview: { tex: target.tex, display: true, definitions: definitionsBefore(macros, l.formulaIndex) },
        };
      });
      // A notebook's other cells: their macros come with the settings' (the cells before this one).
      const seen = new Set(own.map((item) => item.label));
      const others = (doc.otherLabels ?? [])
        .filter((l) => !seen.has(l.key) && seen.add(l.key))
        .map((l, i): TexCompletion => ({
          label: l.key,
          kind: 'label',
          insertSnippet: escapeSnippet(l.key) + '}',
          filterText: l.key,
          sortText: '1' + pad(i),
          detail: `equation in ${l.where}, line ${l.formula.line}`,
          preview: { tex: l.formula.tex, display: true, definitions: [] },
        }));
      return [...own, ...others];
    }
    case 'command':
      return [
        ...macros.filter((m) => !m.environment).map((m) => macroItem(m, definitions)),
        ...TEX_COMMANDS.filter((c) => enabled(c.package, packages)).map((c): TexCompletion => ({
          label: '\\' + c.name,
          kind: c.kind,
          insertSnippet: '\\' + c.name + argsSnippet(c.args ?? 0) + (c.name === 'begin' || c.name === 'end' ? '{$1}' : ''),
          filterText: '\\' + c.name,
          sortText: '1' + c.name.toLowerCase(),
          detail: [c.char, c.package, c.args ? `${c.args} argument${c.args > 1 ? 's' : ''}` : ''].filter(Boolean).join(' · '),
          preview: {
            tex:
              '\\' +
              c.name +
              SAMPLE_ARGS.slice(0, c.args ?? 0)
                .map((a) => `{${a}}`)
                .join(''),
            display: false,
            definitions: [],
          },
          ...(RETRIGGER.has(c.name) ? { retrigger: true } : {}),
        })),
        ...snippetItems('\\', formula.display),
      ];
    case 'word':
      return snippetItems('', formula.display);
  }
}

function macroItem(m: UserMacro, definitions: readonly string[]): TexCompletion {
  return {
    label: '\\' + m.name,
    kind: 'macro',
    insertSnippet: '\\' + m.name + argsSnippet(m.args),
    filterText: '\\' + m.name,
    sortText: '0' + m.name.toLowerCase(),
    detail: [
      m.origin === 'settings' ? 'macro from the settings, preamble or front matter' : 'macro defined in this document',
      m.args ? `${m.args} argument${m.args > 1 ? 's' : ''}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    documentation: m.definition,
    preview: {
      tex:
        '\\' +
        m.name +
        SAMPLE_ARGS.slice(0, m.args)
          .map((a) => `{${a}}`)
          .join(''),
      display: false,
      definitions: m.origin === 'document' ? definitions : [],
    },
  };
}

function snippetItems(lead: string, display: boolean): TexCompletion[] {
  return MATH_SNIPPETS.map((s, i) => ({
    label: s.prefix,
    kind: 'snippet',
    insertSnippet: s.body,
    filterText: lead + s.prefix,
    sortText: '2' + pad(i),
    detail: s.description,
    preview: { tex: snippetDefaultText(s.body), display, definitions: [] },
  }));
}

/** Whether a catalog entry's package is on: always, unless it is an optional one that `packages` does not enable. */
function enabled(pkg: string, packages: MathOptions['packages']): boolean {
  return !OPTIONAL_TEX_PACKAGES.includes(pkg) || packages.includes(pkg);
}

function environmentItems(
  text: string,
  formula: Formula,
  offset: number,
  closing: boolean,
  macros: readonly UserMacro[],
  packages: MathOptions['packages'],
  environments: MathOptions['environments'],
): TexCompletion[] {
  const tex = text.slice(formula.texOffset, texEnd(text, formula));
  const cursor = offset - formula.texOffset;
  const open = closing ? innermostOpen(tex.slice(0, cursor)) : undefined;
  const alreadyClosed = !closing && countOf(tex.slice(cursor), '\\end') > countOf(tex.slice(cursor), '\\begin');
  const names = [
    ...TEX_ENVIRONMENTS.filter((e) => enabled(e.package, packages)).map((e) => ({ name: e.name, args: e.args ?? 0, detail: e.package })),
    ...Object.entries(environments).map(([name, def]) => ({
      name,
      args: def[2] ?? 0,
      detail: 'environment from the settings or preamble',
    })),
    ...macros.filter((m) => m.environment).map((m) => ({ name: m.name, args: m.args, detail: 'environment defined in this document' })),
  ];
  return names.map(({ name, args, detail }, i) => {
    const body = formula.display ? '\n\t$0\n' : ' $0 ';
    const insert = closing || alreadyClosed ? `${name}}` : `${name}}${argsSnippet(args)}${body}\\end{${name}}`;
    return {
      label: name,
      kind: 'environment',
      insertSnippet: insert,
      filterText: name,
      sortText: (name === open ? '0' : '1') + pad(i),
      detail,
      preview: {
        tex: `\\begin{${name}}${SAMPLE_ARGS.slice(0, args)
          .map(() => '{c}')
          .join('')} a & b \\\\ c & d \\end{${name}}`,
        display: true,
        definitions: [],
      },
    };
  });
}

function innermostOpen(tex: string): string | undefined {
  const stack: string[] = [];
  for (const m of tex.matchAll(/\\(begin|end)\s*\{([^{}]*)\}/g)) {
    if (m[1] === 'begin') stack.push(m[2]!);
    else stack.pop();
  }
  return stack.at(-1);
}

function countOf(s: string, needle: string): number {
  return s.split(needle).length - 1;
}

function argsSnippet(n: number): string {
  let out = '';
  for (let k = 1; k <= n; k++) out += `{$${k}}`;
  return n > 0 ? out + '$0' : out;
}

/** Sources of the document's definitions that come before formula `index`. */
export function definitionsBefore(macros: readonly UserMacro[], index: number): string[] {
  return macros.flatMap((m) => (m.source && m.formulaIndex !== undefined && m.formulaIndex < index ? [m.source] : []));
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function pad(i: number): string {
  return String(i).padStart(4, '0');
}
