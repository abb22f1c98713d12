// The label index (src/core/labels): definitions with the numbers MathJax draws, references in math
// and in prose, duplicates, rename edits and the outline, on test/fixtures/labels/NAME.md with its
// sidecar NAME.json.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes } from '../../src/core/lint';
import { headingsOf, parseMarkdown } from '../../src/core/markdown';
import { equationOutline, labelIndexOf, renameLabelEdits, type LabelSite, type OutlineNode } from '../../src/core/labels';
import type { MathOptions } from '../../src/core/types';

const DIR = path.join(__dirname, '../../../test/fixtures/labels');

interface Sidecar {
  equationNumbers?: MathOptions['equationNumbers'];
  definitions: string[];
  references: string[];
  duplicates: string[];
  rename?: { at: string; to: string; expect: string[] };
  outline?: string[];
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

const outlineLines = (nodes: readonly OutlineNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.name}${n.detail ? ` [${n.detail}]` : ''}`, ...outlineLines(n.children, depth + 1)]);

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
  describe(`label index: ${file}`, () => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const sidecar = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.md$/, '.json')), 'utf8')) as Sidecar;
    const math = { equationNumbers: sidecar.equationNumbers ?? 'ams' } as const;
    const doc = parseMarkdown(text, math);
    const index = labelIndexOf(doc, math.equationNumbers);
    const at = (s: LabelSite) => position(text, s.offset);

    it('finds every definition, with the number drawn for it, and no label in code', () => {
      assert.deepEqual(
        index.definitions.map((d) => `${d.key} ${at(d)} ${d.number ?? '-'}`),
        sidecar.definitions,
      );
      for (const d of index.definitions) assert.equal(text.slice(d.offset, d.endOffset), d.key, `${d.key}: the span is the key`);
    });

    it('finds every reference, in math and in prose', () => {
      assert.deepEqual(
        index.references.map((r) => `${r.kind} ${r.key} ${at(r)}`),
        sidecar.references,
      );
      for (const r of index.references) assert.equal(text.slice(r.offset, r.endOffset), r.key);
    });

    it('reports the keys defined twice', () => {
      assert.deepEqual(index.duplicates, sidecar.duplicates);
    });

    it('finds the site under an offset, from the backslash to the closing brace', () => {
      for (const s of [...index.definitions, ...index.references]) {
        assert.equal(index.siteAt(s.commandOffset)?.key, s.key);
        assert.equal(index.siteAt(s.commandEndOffset)?.key, s.key);
        assert.equal(index.siteAt(s.offset + 1)?.offset, s.offset);
      }
      assert.equal(index.siteAt(text.indexOf('eq:code')), undefined, 'a code span holds no label');
    });

    if (sidecar.rename) {
      const { at: where, to, expect } = sidecar.rename;
      it(`renames ${where} to ${to} at every definition and reference, and nothing else`, () => {
        const site = index.siteAt(text.indexOf(where))!;
        const result = renameLabelEdits(index, site.key, to);
        assert.ok('edits' in result, JSON.stringify(result));
        const renamed = applyFixes(text, result.edits);
        const again = labelIndexOf(parseMarkdown(renamed, math), math.equationNumbers);
        assert.deepEqual(
          [...again.definitions, ...again.references].filter((s) => s.key === to).map((s) => position(renamed, s.offset)),
          expect,
        );
        assert.equal(again.definitionsOf(site.key).length + again.referencesTo(site.key).length, 0);
        assert.equal(renamed.replaceAll(to, site.key), text, 'only the key changed');
      });
    }

    if (sidecar.outline) {
      it('outlines the numbered and labelled equations under their headings', () => {
        assert.deepEqual(outlineLines(equationOutline(doc, index, headingsOf(doc))), sidecar.outline);
      });
    }
  });
}

describe('rename refusals', () => {
  const text = '$$\n\\begin{equation}\nx \\label{a}\n\\end{equation}\n$$\n\nSee \\eqref{a}.\n';
  const index = labelIndexOf(parseMarkdown(text));
  for (const bad of ['', 'a b ', 'x{y}', 'a\\b', 'a%b'])
    it(`refuses ${JSON.stringify(bad)}`, () => assert.ok('error' in renameLabelEdits(index, 'a', bad)));
  it('refuses an unknown key', () => assert.ok('error' in renameLabelEdits(index, 'zz', 'b')));
});
