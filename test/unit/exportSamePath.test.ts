// The export renders through the preview's path: its body is the preview's HTML for the same
// document and options, but for the export's documented additions, each undone here exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_SETTINGS, exportHtml, MathdownRenderer } from './helpers/testRenderer';
import { styleClassRules, withStyleAttributes, type TagEdit } from './helpers/styleAttributes';

const ROOT = join(__dirname, '../../..');
/** Each document, and how many style attributes of its math the export drops for holding quotes (see styleClasses). */
const DOCUMENTS: Array<[string, number]> = [
  ['examples/showcase.md', 0],
  ['test/fixtures/export/sample.md', 0],
  ['test/fixtures/export/xss.md', 2],
];

const renderer = new MathdownRenderer();
after(() => renderer.dispose());

const HEADING_ANCHOR = /<a class="heading-anchor" href="#[^"]+" aria-hidden="true" tabindex="-1">#<\/a>/g;
const ASSISTIVE_MML = /<mjx-assistive-mml [^>]*>.*?<\/mjx-assistive-mml>/gs;

/**
 * What assistive MathML adds beyond its own element: MathJax positions the container for it
 * (`position: relative`) and hides the SVG from screen readers, which read the MathML instead; the
 * links drawn in that hidden SVG (\eqref) leave the Tab order (src/core/mathjax/hiddenLinks.ts).
 */
const undoAssistiveMarks: TagEdit = (name, attributes, previous) => {
  if (name === 'mjx-container') {
    const style = attributes
      .get('style')
      ?.replace(/(^| )position: relative;/, '')
      .trim();
    if (style) attributes.set('style', style);
    else attributes.delete('style');
  }
  if (name === 'svg' && previous === 'mjx-container' && attributes.get('aria-hidden') === 'true') attributes.delete('aria-hidden');
  if (name === 'a' && attributes.get('tabindex') === '-1') attributes.delete('tabindex');
};

for (const [document, dropped] of DOCUMENTS) {
  test(`the export's body of ${document} is the preview's HTML, but for heading anchors, assistive MathML and style classes`, async () => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    // As the preview panel asks (previewPanel.ts), and as the export asks (no image loader: images stay as written).
    const preview = await renderer.render(text, { math: DEFAULT_SETTINGS.math, fontCache: 'global' });
    const page = await exportHtml(text, { renderer, settings: DEFAULT_SETTINGS });
    const body = page.slice(page.indexOf('<main class="mathdown">\n') + '<main class="mathdown">\n'.length, page.lastIndexOf('\n</main>'));

    const anchors = body.match(HEADING_ANCHOR)?.length ?? 0;
    const assistive = body.match(ASSISTIVE_MML)?.length ?? 0;
    assert.equal(anchors, (preview.html.match(/<h[1-6][^>]*\sid="/g) ?? []).length, 'one anchor per heading');
    assert.equal(assistive, preview.formulas.filter((f) => !f.error).length, 'MathML for each typeset formula');
    const rules = styleClassRules(page);
    assert.ok(rules.size > 0);

    const undone = withStyleAttributes(body.replace(HEADING_ANCHOR, '').replace(ASSISTIVE_MML, ''), rules, undoAssistiveMarks);
    // The quote-injection attempts of \style and \bbox (inert as attributes) are left out of the export's stylesheet.
    const quoted: string[] = [];
    const previewHtml = withStyleAttributes(preview.html.trim(), undefined, (_name, attributes) => {
      const style = attributes.get('style');
      if (style?.includes('&quot;')) {
        quoted.push(style);
        attributes.delete('style');
      }
    });
    assert.equal(quoted.length, dropped, quoted.join('\n'));
    assert.equal(undone, previewHtml);
  });
}
