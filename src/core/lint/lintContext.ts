import type { LintTarget } from '../config/settings';
import type { Formula, MathOptions } from '../types';
import { LineTable } from '../markdown/lineTable';
import { normaliseNewlines } from './checks/newlines';
import { readPlain, type PlainReading } from './plain/readPlain';
import { texSourceMap, type TexSourceMap } from './checks/texSourceMap';
import type { LintContext } from './types';

/** The context shared by all rules of one lint run; plain readings and TeX maps are made on first use. */
export function createLintContext(
  text: string,
  formulas: readonly Formula[],
  math: MathOptions,
  targets: readonly LintTarget[],
): LintContext {
  const lines = new LineTable(text);
  const readings = new Map<string, PlainReading>();
  const maps = new Map<number, TexSourceMap>();
  return {
    text,
    formulas,
    math,
    targets,
    allTargets: targets,
    lines,
    plain(flavour) {
      let r = readings.get(flavour);
      if (!r) readings.set(flavour, (r = plainInOriginalOffsets(text, flavour)));
      return r;
    },
    texMap(i) {
      let m = maps.get(i);
      if (!m) maps.set(i, (m = texSourceMap(text, formulas[i])));
      return m;
    },
  };
}

function plainInOriginalOffsets(text: string, flavour: 'gfm' | 'commonmark'): PlainReading {
  const norm = normaliseNewlines(text);
  const reading = readPlain(norm.text, flavour);
  if (norm.text === text) return reading;
  const o = norm.toOriginal;
  for (const m of reading.marks) {
    m.offset = o(m.offset);
    m.endOffset = o(m.endOffset);
    if (m.partner !== undefined) m.partner = o(m.partner);
  }
  for (const b of reading.blocks) {
    b.start = o(b.start);
    b.end = o(b.end);
  }
  return reading;
}
