// "Is the cursor inside math?" as the completion and hover providers ask it: the core's own scanner
// (parseMarkdown + formulaAt) plus the delimiter clamp of mathContextAt. A `‸` marks the cursor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mathContextAt, parseMathDocument } from '../../src/core/authoring';

function at(marked: string): { tex: string | undefined } {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { tex: mathContextAt(parseMathDocument(text), offset)?.formula.tex };
}
const inside = (marked: string, tex: string): void => assert.equal(at(marked).tex, tex, marked);
const outside = (marked: string): void => assert.equal(at(marked).tex, undefined, marked);

describe('inside math: the cursor positions', () => {
  it('inside inline math, including just before the closing dollar', () => {
    inside('Energy $E = m‸c^2$ here.', 'E = mc^2');
    inside('Energy $E = mc^2‸$ here.', 'E = mc^2');
    inside('Energy $‸E = mc^2$ here.', 'E = mc^2');
  });
  it('not on the outer side of a delimiter', () => {
    outside('Energy ‸$E = mc^2$ here.');
    outside('Energy $E = mc^2$‸ here.');
  });
  it('display math blocks and environments', () => {
    inside('$$\n\\fr‸ac{a}{b}\n$$\n', '\n\\frac{a}{b}\n');
    inside('\\[ x^‸2 \\]', ' x^2 ');
    inside('\\begin{align}\na &= ‸b\n\\end{align}\n', '\\begin{align}\na &= b\n\\end{align}');
    inside('```math\n\\sq‸rt{x}\n```\n', '\\sqrt{x}');
  });
  it('GitHub inline and parenthesis forms', () => {
    inside('Form $`\\sq‸rt{2}`$.', '\\sqrt{2}');
    inside('Form \\(a‸+b\\).', 'a+b');
  });
});

describe('inside math: tricky contexts', () => {
  it('escaped dollars are not math', () => {
    outside('Escaped \\$x‸\\$ stays text.');
  });
  it('currency is not math', () => {
    outside('It costs $5 a‸nd $10.');
    outside('It costs $20‸.');
  });
  it('code spans and fenced code are not math', () => {
    outside('Use `$not m‸ath$` here.');
    outside('```python\nprice = "$x‸$"\n```\n');
    outside('    indented $x‸$ code\n');
  });
  it('math in a table cell keeps its bars', () => {
    inside('| a | $|x‸|$ |\n|---|---|\n| 1 | 2 |\n', '|x|');
    inside('| a | $\\|x\\|‸$ |\n|---|---|\n| 1 | 2 |\n', '\\|x\\|');
    inside('| a | b |\n|---|---|\n| $\\al‸pha$ | 2 |\n', '\\alpha');
    outside('| a | b‸ |\n|---|---|\n| $x$ | 2 |\n');
  });
  it('CRLF line endings: offsets are those of the text as given', () => {
    inside('Line one\r\n\r\nEnergy $E = m‸c^2$ here.\r\n', 'E = mc^2');
    inside('$$\r\nx + ‸y\r\n$$\r\n', '\nx + y\n');
    outside('Line one\r\n\r\nEnergy $E$ he‸re.\r\n');
  });
  it('block quotes and lists', () => {
    inside('> Quote $\\be‸ta$ text\n', '\\beta');
    inside('- item $\\ga‸mma$\n', '\\gamma');
  });
});
