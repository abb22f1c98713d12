/**
 * The MathJax TeX packages every formula is typeset with. Deliberately absent:
 * `noerrors`/`noundefined` (they hide errors from the diagnostics), `require`/`autoload`
 * (no loading at run time), `setoptions` (documents must not reconfigure the parser),
 * `physics` (it redefines standard macros such as `\div`: opt-in, see OPTIONAL_TEX_PACKAGES),
 * and `action` (needs a browser).
 */
export const TEX_PACKAGES: readonly string[] = Object.freeze([
  'base',
  'ams',
  'amscd',
  'bbox',
  'boldsymbol',
  'braket',
  'cancel',
  'cases',
  'centernot',
  'color',
  'colortbl',
  'configmacros',
  'empheq',
  'enclose',
  'extpfeil',
  'gensymb',
  'html',
  'mathtools',
  'mhchem',
  'newcommand',
  'textcomp',
  'textmacros',
  'unicode',
  'upgreek',
  'verb',
]);

/**
 * MathJax 3.2.2 packages a user may add with `math.packages`, off by default: `physics` redefines
 * standard macros (`\div`, `\grad`, `\qty`…) and `bussproofs` adds proof-tree environments.
 * Not offered: `action` (needs a browser), `autoload`/`require` (loading at run time),
 * `setoptions` (documents reconfiguring the parser), `noerrors`/`noundefined` (they hide errors
 * from the diagnostics), `colorv2` (conflicts with `color`, which is on), `tagformat`
 * (configuration only; numbering is `math.equationNumbers`). Every other package is always on.
 */
export const OPTIONAL_TEX_PACKAGES: readonly string[] = Object.freeze(['physics', 'bussproofs']);

/** The packages a formula is typeset with: the fixed set, then the enabled optional ones (known ones only, once each). */
export function texPackagesWith(optional: readonly string[]): string[] {
  return [...TEX_PACKAGES, ...OPTIONAL_TEX_PACKAGES.filter((p) => optional.includes(p))];
}
