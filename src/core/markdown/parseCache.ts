import { scanOptionsKey } from '../scanner/scanner';
import type { MathOptions } from '../types';
import { documentScanOptions } from './documentScanOptions';
import { parseMarkdown } from './parseMarkdown';
import type { ParsedDocument } from './parsedDocument';
import { reparseMarkdown } from './reparseMarkdown';

interface Entry {
  doc: ParsedDocument;
  /** The options the text was parsed with (`scanOptionsKey`): only what decides what is math. */
  options: string;
}

/** A parse lent out by `hold`; `release` ends the loan. */
export interface HeldParse {
  readonly doc: ParsedDocument;
  release(): void;
}

/**
 * One parse per document version, for every reader of the document: the renderer's `render` and
 * `formulas` (preview, lint's MathJax pass) and completion/hover. Each document, by its key (a
 * URI), keeps its last parse; another text of it is parsed incrementally from that one
 * (`reparseMarkdown`), the same text with the same delimiter options is not parsed again.
 *
 * An incremental parse moves the tokens of the parse it starts from. Readers that only take the
 * formulas (they are never changed) need not care; a render reads the tokens across an await and
 * so `hold`s its parse: a new version parsed meanwhile starts afresh instead.
 */
export class ParseCache {
  readonly #entries = new Map<string, Entry>();
  /** Parses lent out by `hold`, with their count of loans. */
  readonly #held = new Map<ParsedDocument, number>();
  /** Test hook: parses made (whole or incremental), and parses given again without one. */
  readonly stats = { parsed: 0, reused: 0 };

  constructor(readonly maxDocuments = 8) {}

  /** The parse of `text` as the document `key` (parsed on its own without a key). */
  parse(text: string, math?: Partial<MathOptions>, key?: string): ParsedDocument {
    if (key === undefined) {
      this.stats.parsed++;
      return parseMarkdown(text, math);
    }
    const options = scanOptionsKey(documentScanOptions(text, math));
    const previous = this.#entries.get(key);
    this.#entries.delete(key);
    let doc: ParsedDocument;
    if (previous && isParseOf(previous, text, options)) {
      this.stats.reused++;
      doc = previous.doc;
    } else {
      this.stats.parsed++;
      doc = reparseMarkdown(previous && !this.#held.has(previous.doc) ? previous.doc : undefined, text, math);
    }
    this.#entries.set(key, { doc, options });
    if (this.#entries.size > this.maxDocuments) this.#entries.delete(this.#entries.keys().next().value!);
    return doc;
  }

  /** `parse`, with the tokens left as they are until `release` (see the class comment). */
  hold(text: string, math?: Partial<MathOptions>, key?: string): HeldParse {
    return this.#lend(this.parse(text, math, key));
  }

  /** `hold` of the parse the document `key` has of this very text and options, if it has one: nothing is parsed. */
  holdParsed(text: string, math: Partial<MathOptions> | undefined, key: string): HeldParse | undefined {
    const kept = this.#entries.get(key);
    if (!kept || !isParseOf(kept, text, scanOptionsKey(documentScanOptions(text, math)))) return undefined;
    this.stats.reused++;
    return this.#lend(kept.doc);
  }

  #lend(doc: ParsedDocument): HeldParse {
    this.#held.set(doc, (this.#held.get(doc) ?? 0) + 1);
    let released = false;
    return {
      doc,
      release: () => {
        if (released) return;
        released = true;
        const loans = this.#held.get(doc)! - 1;
        if (loans) this.#held.set(doc, loans);
        else this.#held.delete(doc);
      },
    };
  }

  /** Drops the document's parse (it was closed). */
  forget(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** Whether the kept parse is of this very text with these options (`scanOptionsKey`). */
function isParseOf(entry: Entry, text: string, options: string): boolean {
  return entry.doc.text === text && entry.options === options;
}
