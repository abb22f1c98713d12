/**
 * The text a VS Code snippet inserts when every placeholder keeps its default: `${1:x}` → `x`,
 * `${1|a,b|}` → `a`, a mirror `$1` repeats tab stop 1's value, a variable gives its default or
 * nothing. Escapes follow VS Code: `\` escapes `$`, `}` and `\` (and `,`, `|` inside a choice).
 */
export function snippetDefaultText(body: string): string {
  const nodes = parse(body, 0, false).nodes;
  const defaults = new Map<string, Node[]>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults, new Set());
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'stop'; name: string }
  | { type: 'placeholder'; name: string; children: Node[] }
  | { type: 'choice'; name: string; first: string };

const NAME = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/;

function parse(body: string, start: number, nested: boolean): { nodes: Node[]; end: number } {
  const nodes: Node[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ type: 'text', text });
    text = '';
  };
  let i = start;
  while (i < body.length) {
    const c = body[i]!;
    if (nested && c === '}') break;
    if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
      text += body[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      text += c;
      i++;
      continue;
    }
    const bare = NAME.exec(body.slice(i + 1));
    if (bare) {
      flush();
      nodes.push({ type: 'stop', name: bare[1]! });
      i += 1 + bare[1]!.length;
      continue;
    }
    const braced = body[i + 1] === '{' ? NAME.exec(body.slice(i + 2)) : null;
    if (!braced) {
      text += c;
      i++;
      continue;
    }
    const name = braced[1]!;
    let j = i + 2 + name.length;
    flush();
    if (body[j] === '}') {
      nodes.push({ type: 'stop', name });
      i = j + 1;
      continue;
    }
    if (body[j] === '|') {
      const options = readChoice(body, j + 1);
      nodes.push({ type: 'choice', name, first: options.first });
      i = options.end;
      continue;
    }
    if (body[j] === ':') j++;
    const inner = parse(body, j, true);
    nodes.push({ type: 'placeholder', name, children: inner.nodes });
    i = inner.end + 1;
  }
  flush();
  return { nodes, end: i };
}

/** Reads `a,b|}` (after the `|`): the first option, unescaped, and the index after `|}`. */
function readChoice(body: string, start: number): { first: string; end: number } {
  let first: string | undefined;
  let current = '';
  for (let i = start; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      current += body[++i];
      continue;
    }
    if (c === ',') {
      first ??= current;
      current = '';
      continue;
    }
    if (c === '|' && body[i + 1] === '}') return { first: first ?? current, end: i + 2 };
    current += c;
  }
  throw new Error(`Unterminated snippet choice in ${JSON.stringify(body)}`);
}

function collectDefaults(nodes: Node[], defaults: Map<string, Node[]>): void {
  for (const n of nodes) {
    if (n.type === 'placeholder') {
      if (!defaults.has(n.name)) defaults.set(n.name, n.children);
      collectDefaults(n.children, defaults);
    } else if (n.type === 'choice' && !defaults.has(n.name)) {
      defaults.set(n.name, [{ type: 'text', text: n.first }]);
    }
  }
}

function render(nodes: Node[], defaults: Map<string, Node[]>, active: Set<string>): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text;
    else if (n.type === 'choice') out += n.first;
    else if (n.type === 'placeholder') out += render(n.children, defaults, active);
    else if (!active.has(n.name)) {
      active.add(n.name);
      out += render(defaults.get(n.name) ?? [], defaults, active);
      active.delete(n.name);
    }
  }
  return out;
}
