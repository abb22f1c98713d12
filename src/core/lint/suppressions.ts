import { LineTable } from '../markdown/lineTable';

const COMMENT = /<!--\s*mathdown-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

interface Off {
  all: boolean;
  /** With `all`: the rules enabled again. */
  except: Set<string>;
  rules: Set<string>;
}

const isOff = (s: Off, rule: string) => (s.all && !s.except.has(rule)) || s.rules.has(rule);

/**
 * Reads `<!-- mathdown-disable [RULE…] -->`, `<!-- mathdown-enable [RULE…] -->` and
 * `<!-- mathdown-disable-next-line [RULE…] -->` (rules by id or name; none listed = all rules)
 * and answers whether a rule is switched off on a 0-based line. A disable or enable comment
 * applies from its own line on.
 */
export function readSuppressions(text: string, idOf: (idOrName: string) => string | undefined): (rule: string, line: number) => boolean {
  if (!text.includes('mathdown-')) return () => false;
  const perLine: Off[] = [];
  const extra: Array<Off | undefined> = [];
  let off: Off = { all: false, except: new Set(), rules: new Set() };
  let nextLine: Off | undefined;
  const lines = new LineTable(text);
  for (let l = 0; l < lines.lineCount; l++) {
    const line = lines.lineText(l);
    const forThisLine = nextLine;
    nextLine = undefined;
    for (const m of line.matchAll(COMMENT)) {
      const listed = m[2].split(/[\s,]+/).filter(Boolean);
      const ids = listed.map(idOf).filter((r): r is string => r !== undefined);
      if (listed.length && !ids.length) continue;
      if (m[1] === 'disable-next-line') nextLine = { all: !ids.length, except: new Set(), rules: new Set(ids) };
      else if (!ids.length) off = { all: m[1] === 'disable', except: new Set(), rules: new Set() };
      else if (m[1] === 'disable') off = { all: off.all, except: without(off.except, ids), rules: new Set([...off.rules, ...ids]) };
      else off = { all: off.all, except: off.all ? new Set([...off.except, ...ids]) : off.except, rules: without(off.rules, ids) };
    }
    perLine.push(off);
    extra.push(forThisLine);
  }
  return (rule, line) => {
    const s = perLine[line];
    const once = extra[line];
    return (!!s && isOff(s, rule)) || (!!once && isOff(once, rule));
  };
}

function without(set: Set<string>, ids: readonly string[]): Set<string> {
  return new Set([...set].filter((r) => !ids.includes(r)));
}
