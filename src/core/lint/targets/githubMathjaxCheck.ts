// The github-mathjax target: each formula asked of MathJax configured as github.com configures it
// (githubMathjaxConfig.ts), not of a list of what GitHub lacks. What MathJax's own package tables
// say a macro belongs to names the missing package in the message.
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { ConfigurationHandler } from 'mathjax-full/js/input/tex/Configuration.js';
import { MapHandler } from 'mathjax-full/js/input/tex/MapHandler.js';
import type ParseOptions from 'mathjax-full/js/input/tex/ParseOptions.js';
import type TexError from 'mathjax-full/js/input/tex/TexError.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { HTMLDocument } from 'mathjax-full/js/handlers/html/HTMLDocument.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { STATE } from 'mathjax-full/js/core/MathItem.js';
import type { Formula, MathOptions, TexError as FormulaError } from '../../types';
import { locateTexError } from '../../mathjax/mathjaxErrorLocation';
import { GITHUB_REFUSED_MACROS, GITHUB_REMOVED_PACKAGES } from './githubMathjaxConfig';

/** What github.com does with one formula Mathdown typesets: why it does not render there. */
export interface GithubRejection {
  formula: number;
  /** `refused`: GitHub's element refuses the formula; `mathjax`: its MathJax reports an error (an undefined macro shows in red). */
  kind: 'refused' | 'mathjax';
  /** MathJax's error (offset into the formula's TeX) or, when refused, the refused macros. */
  error: FormulaError;
  /** For an undefined macro or environment: the MathJax package that defines it and GitHub leaves out. */
  missingPackage?: string;
  /** For an undefined macro: it comes from Mathdown's settings, a preamble file or the front matter, which github.com never reads. */
  fromSettings?: boolean;
  /** For `refused`: the macros named, without backslash. */
  refused?: string[];
}

/**
 * The packages github.com typesets with: MathJax's `AllPackages` without those GitHub removes.
 * `noundefined` is left out too: GitHub has it (an undefined macro shows as its name in red, with
 * no error box), and without it MathJax says which macro, so the reader's red text can be named.
 */
export const GITHUB_PACKAGES: readonly string[] = Object.freeze(
  AllPackages.filter((p) => !GITHUB_REMOVED_PACKAGES.includes(p) && p !== 'noundefined'),
);

interface Checker {
  check(tex: string, display: boolean): FormulaError | undefined;
}

let checker: Checker | undefined;

function githubChecker(): Checker {
  if (checker) return checker;
  let lastError: FormulaError | undefined;
  const tex = new TeX({
    packages: [...GITHUB_PACKAGES],
    formatError: (jax: TeX<unknown, unknown, unknown>, err: TexError) => {
      const latex = (jax as unknown as { latex: string }).latex;
      const offset = locateTexError(jax.parseOptions.parsers, latex);
      lastError = { id: err.id, message: err.message.replace(/\n.*/s, ''), ...(offset === undefined ? {} : { offset }) };
      return jax.formatError(err);
    },
  });
  // textmacros keeps its own ParseOptions, which otherwise retains every \text node ever parsed.
  tex.preFilters.add(({ data }: { data: ParseOptions }) => {
    (data.packageData.get('textmacros') as { parseOptions?: ParseOptions } | undefined)?.parseOptions?.clear();
  });
  const adaptor = liteAdaptor();
  // A document of its own, not one registered with mathjax.handlers: the typesetter's documents
  // in the same process keep their own handler.
  const doc = new HTMLDocument(adaptor.parse('', 'text/html'), adaptor, { InputJax: tex });
  // No picture is drawn, so no output jax; bussproofs still asks one for widths to balance its
  // proof trees (after parsing, so what it accepts does not depend on them) and refuses to run
  // without it.
  Object.assign(doc.outputJax, { getBBox: () => ({ w: 0, h: 0, d: 0 }) });
  checker = {
    check(source, display) {
      lastError = undefined;
      try {
        doc.convert(source, { display, end: STATE.COMPILED });
      } catch {
        // MathJax itself failed (not a TeX error): what github.com shows then is not known, so nothing is claimed.
        return undefined;
      }
      return lastError;
    },
  };
  return checker;
}

/** GitHub's own test: the formula's text names `\macro` (a substring, as its element checks). */
function refusedMacros(tex: string): string[] {
  return GITHUB_REFUSED_MACROS.filter((name) => tex.includes(`\\${name}`));
}

/** The package among those GitHub leaves out whose tables define `\name` (or the environment `name`). */
function definingPackage(name: string, kind: 'macro' | 'environment'): string | undefined {
  for (const pkg of GITHUB_REMOVED_PACKAGES) {
    const maps = ConfigurationHandler.get(pkg)?.handler[kind] ?? [];
    if (maps.some((m) => MapHandler.getMap(m)?.contains(name))) return pkg;
  }
  return undefined;
}

/** `\name` of an "Undefined control sequence \name" error. */
export function undefinedMacro(error: FormulaError): string | undefined {
  return error.id === 'UndefinedControlSequence' ? /\\([A-Za-z]+|.)\s*$/.exec(error.message)?.[1] : undefined;
}

function undefinedEnvironment(error: FormulaError): string | undefined {
  return error.id === 'UnknownEnv' ? /["']([^"']+)["']/.exec(error.message)?.[1] : undefined;
}

/**
 * The formulas github.com does not render as Mathdown does, in document order. MathJax keeps no
 * definitions from one formula to the next there (`\newcommand` is one of the removed packages'),
 * and none of Mathdown's settings, preamble files or front matter reach it.
 */
export function githubRejections(formulas: readonly Formula[], math: Pick<MathOptions, 'macros' | 'environments'>): GithubRejection[] {
  const out: GithubRejection[] = [];
  formulas.forEach((f, i) => {
    // References in running text and MyST's {eq} are not math on github.com; MM107-like rules cover them.
    if (f.delimiter === 'ref' || f.delimiter === '{eq}') return;
    const refused = refusedMacros(f.tex);
    if (refused.length) {
      out.push({
        formula: i,
        kind: 'refused',
        refused,
        error: { id: 'GitHubRefused', message: `The following macros are not allowed: ${refused.join(', ')}` },
      });
      return;
    }
    const error = githubChecker().check(f.tex, f.display);
    if (!error) return;
    const rejection: GithubRejection = { formula: i, kind: 'mathjax', error };
    const macro = undefinedMacro(error);
    const env = undefinedEnvironment(error);
    const pkg = macro !== undefined ? definingPackage(macro, 'macro') : env !== undefined ? definingPackage(env, 'environment') : undefined;
    if (pkg) rejection.missingPackage = pkg;
    else if ((macro !== undefined && macro in math.macros) || (env !== undefined && env in math.environments))
      rejection.fromSettings = true;
    out.push(rejection);
  });
  return out;
}
