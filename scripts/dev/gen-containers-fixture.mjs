#!/usr/bin/env node
// Writes test/fixtures/math/containers.{md,json}: one formula per Markdown-active character
// (`_ * \\ \{ \} \, \; | < > & ~ #`) in every container where inline content appears. The expected
// TeX, line and column come from this layout, not from the parser under test.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEX = [
  String.raw`\hat{x}_i + y_{j}`,
  String.raw`a^{*} + b^{*}`,
  String.raw`a \\ b`,
  String.raw`\{ a \mid b \}`,
  String.raw`\lbrace c \}`,
  String.raw`a\,b`,
  String.raw`a\;b`,
  String.raw`|x| + \|y\|`,
  'a<b>c',
  'a > b',
  'a &= b &lt; c',
  'a~~b~~c',
  String.raw`\# 1`,
];
const CONTAINERS = [
  ['paragraph', (t) => [`Para $${t}$ end.`]],
  ['heading', (t) => [`## Heading $${t}$`]],
  ['list item', (t) => [`- item $${t}$`]],
  ['nested list', (t) => ['- outer', `  - inner $${t}$`]],
  ['block quote', (t) => [`> quote $${t}$`]],
  ['table cell', (t, i) => [`| ${i} | $${t}$ |`], ['| n | tex |', '|---|-----|']],
  ['link text', (t) => [`[link $${t}$](https://example.com/)`]],
  ['emphasis', (t) => [`*emph $${t}$ end*`]],
  // A reference in a paragraph with a formula, then the definition it points to.
  ['footnote', (t, i) => [`See $${t}$ and note[^${i}].`, '', `[^${i}]: Note $${t}$.`, '']],
];

const lines = [];
const formulas = [];
for (const [name, make, header = []] of CONTAINERS) {
  lines.push(`<!-- ${name} -->`, '', ...header);
  TEX.forEach((tex, i) => {
    for (const line of make(tex, i + 1)) {
      const column = line.indexOf('$');
      if (column >= 0) formulas.push({ tex, display: false, delimiter: '$', line: lines.length + 1, column: column + 1 });
      lines.push(line);
    }
  });
  lines.push('');
}
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'math');
writeFileSync(join(dir, 'containers.md'), lines.join('\n'));
writeFileSync(join(dir, 'containers.json'), JSON.stringify(formulas, null, 1) + '\n');
console.log(`${formulas.length} formulas`);
