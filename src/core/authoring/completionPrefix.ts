/** What is being typed just before the cursor inside a formula. */
export type CompletionPrefix =
  | { kind: 'command'; start: number; typed: string }
  | { kind: 'environment'; start: number; typed: string; closing: boolean }
  | { kind: 'label'; start: number; typed: string }
  | { kind: 'word'; start: number; typed: string };

/**
 * Reads the text before `offset` (never before `floor`, the formula's first TeX character):
 * `\fr` → command, `\begin{pm` / `\end{pm` → environment, `\eqref{eq:` / `\ref{` → label, `fr` → word.
 */
export function completionPrefixAt(text: string, offset: number, floor: number): CompletionPrefix | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const from = Math.max(floor, lineStart, offset - 200);
  const before = text.slice(from, offset);
  const env = /\\(begin|end)\s*\{([A-Za-z*]*)$/.exec(before);
  if (env) return { kind: 'environment', start: offset - env[2]!.length, typed: env[2]!, closing: env[1] === 'end' };
  const label = /\\(?:eq)?ref\s*\{([^{}\\]*)$/.exec(before);
  if (label) return { kind: 'label', start: offset - label[1]!.length, typed: label[1]! };
  const command = /(?:^|[^\\])(?:\\\\)*(\\[A-Za-z]*)$/.exec(before);
  if (command) return { kind: 'command', start: offset - command[1]!.length, typed: command[1]! };
  const word = /(?:^|[^A-Za-z\\])([A-Za-z][A-Za-z0-9]*)$/.exec(before);
  if (word) return { kind: 'word', start: offset - word[1]!.length, typed: word[1]! };
  return undefined;
}
