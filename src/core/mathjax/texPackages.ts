/**
 * The MathJax TeX packages every formula is typeset with. Deliberately absent:
 * `noerrors`/`noundefined` (they hide errors from the diagnostics), `require`/`autoload`
 * (no loading at run time), `setoptions` (documents must not reconfigure the parser),
 * `physics` (it redefines standard macros such as `\div`), and `action` (needs a browser).
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
