import type { Tokens, Tokenizer } from 'marked';

type LinkResult = Tokens.Link | Tokens.Image | Tokens.Text | undefined;

/**
 * Marked unescapes `\[` and `\]` in a link's text before lexing it, which takes the backslash from
 * TeX inside the text: `[see $\[x\]$](u)` would hand MathJax `[x]`, at the wrong offsets. This
 * lexes the text as written instead; outside math, `\[` is still an escape and shows as `[`.
 */
export function lexLinkTextAsWritten<T extends LinkResult>(tokenizer: Tokenizer, token: T): T {
  if (token?.type !== 'link') return token;
  const label = rawLabel(token.raw, token.text);
  if (label === undefined || label === token.text) return token;
  const state = tokenizer.lexer.state;
  const { inLink, linkEmitted } = state;
  state.inLink = true;
  state.linkEmitted = false;
  try {
    token.tokens = tokenizer.lexer.inlineTokens(label);
  } finally {
    state.inLink = inLink;
    state.linkEmitted = linkEmitted;
  }
  return token;
}

/** The label as written in `raw` (`[label](…)`, `[label][ref]`), given Marked's unescaped `text`. */
function rawLabel(raw: string, text: string): string | undefined {
  if (raw[0] !== '[') return undefined;
  let i = 1;
  for (let j = 0; j < text.length; j++, i++) {
    if (raw[i] !== text[j]) {
      if (raw[i] !== '\\' || raw[i + 1] !== text[j]) return undefined;
      i++;
    }
  }
  return raw[i] === ']' ? raw.slice(1, i) : undefined;
}
