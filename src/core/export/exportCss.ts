// The stylesheet of an exported page: a readable document theme (light or dark), print rules and
// long-document rules. MathJax's own SVG stylesheet comes from the render result and is appended.

export type ExportTheme = 'light' | 'dark';

const PALETTES: Record<ExportTheme, string> = {
  light: `--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--border:#d1d9e0;--code-bg:#f6f8fa;--link:#0969da;--quote:#59636e;--mark:#fff8c5;--error:#cf222e;--error-bg:#ffebe9;color-scheme:light;`,
  dark: `--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--border:#3d444d;--code-bg:#161b22;--link:#4493f8;--quote:#9198a1;--mark:#bb800926;--error:#f85149;--error-bg:#f851491a;color-scheme:dark;`,
};

const BASE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;overflow-wrap:break-word}
main.mathdown{max-width:52rem;margin:0 auto;padding:2rem 1.5rem 4rem}
main.mathdown>*{content-visibility:auto;contain-intrinsic-size:auto 3em}
h1,h2,h3,h4,h5,h6{margin:1.5em 0 .6em;font-weight:600;line-height:1.25;position:relative}
h1{font-size:2em;padding-bottom:.3em;border-bottom:1px solid var(--border)}
h2{font-size:1.5em;padding-bottom:.3em;border-bottom:1px solid var(--border)}
h3{font-size:1.25em}h4{font-size:1em}h5{font-size:.875em}h6{font-size:.85em;color:var(--muted)}
main.mathdown>:first-child{margin-top:0}
p,ul,ol,dl,table,pre,blockquote,details{margin:0 0 1em}
ul,ol{padding-left:2em}li+li{margin-top:.25em}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
a.heading-anchor{position:absolute;left:-1.1em;padding-right:.3em;color:var(--muted);opacity:0;font-weight:400}
h1:hover>a.heading-anchor,h2:hover>a.heading-anchor,h3:hover>a.heading-anchor,h4:hover>a.heading-anchor,h5:hover>a.heading-anchor,h6:hover>a.heading-anchor,a.heading-anchor:focus{opacity:1;text-decoration:none}
blockquote{padding:0 1em;color:var(--quote);border-left:.25em solid var(--border)}
.myst-directive{margin:0 0 1em;padding:.5em 1em;border-left:.25em solid var(--border)}
.myst-directive-title{font-weight:600}
hr{height:.25em;margin:1.5em 0;padding:0;border:0;background:var(--border)}
code,kbd,samp,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:.875em}
code{padding:.15em .35em;border-radius:6px;background:var(--code-bg)}
pre{padding:1em;overflow:auto;line-height:1.45;border-radius:6px;background:var(--code-bg)}
pre code{padding:0;background:none;font-size:1em}
table{border-collapse:collapse;display:block;width:max-content;max-width:100%;overflow:auto}
th,td{padding:.4em .8em;border:1px solid var(--border)}th{font-weight:600}
.align-left{text-align:left}.align-center{text-align:center}.align-right{text-align:right}
tr:nth-child(2n) td{background:var(--code-bg)}
img{max-width:100%;height:auto;background:var(--bg)}
mark{background:var(--mark);color:inherit}
mjx-container[display="true"]{display:block;margin:1em 0;overflow-x:auto;overflow-y:hidden;max-width:100%}
mjx-container{color:var(--fg)}
mjx-container [data-mjx-error],mjx-container [data-mml-node="merror"]>g{fill:var(--error);stroke:var(--error)}
section.footnotes{margin-top:2em;padding-top:1em;border-top:1px solid var(--border);font-size:.875em;color:var(--muted)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.mathdown-error{display:inline-block;max-width:100%;vertical-align:middle;padding:.1em .5em;border:1px solid var(--error);border-radius:4px;background:var(--error-bg);color:var(--error)}
.mathdown-error code{padding:0;background:none;color:inherit}
.mathdown-error-message{display:block;font-size:.85em}
.mathdown-error-message::before{content:"⚠ "}
@media print{
body{background:#fff;color:#000;font-size:11pt}
main.mathdown{max-width:none;padding:0}
main.mathdown>*{content-visibility:visible}
a{color:inherit;text-decoration:underline}
a.heading-anchor{display:none}
pre,blockquote,table,img,mjx-container[display="true"]{break-inside:avoid}
h1,h2,h3,h4,h5,h6{break-after:avoid}
pre{white-space:pre-wrap}
mjx-container{color:#000}
}
`;

// After MathJax's stylesheet, which paints links in its formulas plain blue.
const AFTER_MATH = `mjx-container[jax="SVG"]>svg a{fill:var(--link);stroke:var(--link)}
@media print{mjx-container[jax="SVG"]>svg a{fill:#000;stroke:#000}}
`;

/**
 * The page's CSS for `theme`, with MathJax's SVG stylesheet, the theme's corrections to it, and
 * the rules of the classes that stand for the formulas' style attributes.
 */
export function exportCss(theme: ExportTheme, mathCss: string, styleRules: string): string {
  const print = `@media print{:root{${PALETTES.light}}}`;
  return `:root{${PALETTES[theme]}}${BASE}${print}\n${mathCss.trim()}\n${AFTER_MATH}${styleRules}`;
}
