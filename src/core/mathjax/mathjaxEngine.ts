import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor, type LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { SafeHandler } from 'mathjax-full/js/ui/safe/SafeHandler.js';
import { AssistiveMmlHandler } from 'mathjax-full/js/a11y/assistive-mml.js';
import { STATE } from 'mathjax-full/js/core/MathItem.js';
import type TexError from 'mathjax-full/js/input/tex/TexError.js';
import type ParseOptions from 'mathjax-full/js/input/tex/ParseOptions.js';
import './mathjaxPackages';
import type { TexError as FormulaError } from '../types';
import { applyMathJaxPatches } from './mathjaxPatches';
import { unfocusHiddenLinks } from './hiddenLinks';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import { locateTexError } from './mathjaxErrorLocation';
import { UserDefinitions, type DefinitionsSnapshot } from './mathjaxUserDefinitions';
import { NumberingState } from './mathjaxNumbering';
import { errorBox } from '../typeset/errorBox';
import { moveStylesToClasses, type StyleRule } from '../typeset/styleClasses';
import { texPackagesWith } from './texPackages';
import { initialDefinitions, localGlyphId, nextDefinitions } from '../typeset/typesetKeys';
import type { DefinitionStep, EngineConfig, RenderOutcome } from '../typeset/typesetProtocol';

// MathJax's document type is generic over three DOM types that the lite adaptor leaves loose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDocument = any;

/** The part of MathJax's SVG output jax that its typings leave out: the global glyph cache. */
interface SvgWithFontCache {
  fontCache: { clearCache(): void; cache: Map<string, string> };
}

const SNAPSHOT_LIMIT = 256;
const SAFE_IDS = /^mjx-(?:[-a-zA-Z0-9_.]+|eqn:\S+)$/;

let adaptor: LiteAdaptor | undefined;

function sharedAdaptor(): LiteAdaptor {
  if (!adaptor) {
    applyMathJaxPatches();
    adaptor = liteAdaptor();
    const handler = RegisterHTMLHandler(adaptor);
    SafeHandler(handler);
    AssistiveMmlHandler(handler);
  }
  return adaptor;
}

function internalError(err: unknown): FormulaError {
  if (err instanceof RangeError) {
    return { id: 'InternalError', message: 'Formula is nested too deeply to typeset (maximum call stack size exceeded)' };
  }
  return { id: 'InternalError', message: `MathJax failed: ${err instanceof Error ? err.message : String(err)}` };
}

/**
 * One MathJax TeX→SVG document with a fixed configuration, typesetting one formula at a time
 * with the definitions and numbering state the caller asks for.
 */
export class MathJaxEngine {
  readonly #adaptor = sharedAdaptor();
  readonly #tex: TeX<unknown, unknown, unknown>;
  readonly #svg: SVG<unknown, unknown, unknown>;
  readonly #doc: AnyDocument;
  readonly #numbering: NumberingState;
  readonly #definitions: UserDefinitions;
  readonly #snapshots = new Map<string, DefinitionsSnapshot>();
  readonly #initial: string;
  #current: string;
  #lastError: FormulaError | undefined;

  readonly #config: EngineConfig;

  constructor(config: EngineConfig, configKey: string) {
    this.#config = config;
    this.#tex = new TeX({
      packages: texPackagesWith(config.packages ?? []),
      tags: config.equationNumbers,
      macros: config.macros,
      environments: config.environments ?? {},
      formatError: (jax: TeX<unknown, unknown, unknown>, err: TexError) => {
        const latex = (jax as unknown as { latex: string }).latex;
        const offset = locateTexError(jax.parseOptions.parsers, latex);
        this.#lastError = { id: err.id, message: err.message.replace(/\n.*/s, ''), ...(offset === undefined ? {} : { offset }) };
        return jax.formatError(err);
      },
    });
    // textmacros keeps its own ParseOptions, which otherwise retains every \text node ever parsed.
    this.#tex.preFilters.add(({ data }: { data: ParseOptions }) => {
      (data.packageData.get('textmacros') as { parseOptions?: ParseOptions } | undefined)?.parseOptions?.clear();
    });
    this.#svg = new SVG({ fontCache: config.fontCache });
    this.#doc = mathjax.document('', {
      InputJax: this.#tex,
      OutputJax: this.#svg,
      enableAssistiveMml: config.assistiveMml,
      // The safe filter's default id pattern would drop MathJax's own equation ids (mjx-eqn:label).
      safeOptions: { idPattern: SAFE_IDS },
    });
    this.#numbering = new NumberingState(this.#tex.parseOptions.tags);
    this.#definitions = new UserDefinitions(this.#tex.parseOptions);
    this.#initial = this.#current = initialDefinitions(configKey);
  }

  /**
   * Put the definitions identified by `hash` in force. Returns false if this engine has never seen
   * that state and no `steps` were given to rebuild it by re-running the defining formulas.
   */
  useDefinitions(hash: string, steps?: readonly DefinitionStep[]): boolean {
    if (hash === this.#current) return true;
    if (hash === this.#initial) {
      this.#definitions.clear();
      this.#current = hash;
      return true;
    }
    const known = this.#snapshots.get(hash);
    if (known) {
      this.#definitions.restore(known);
      this.#current = hash;
      return true;
    }
    if (!steps || steps[steps.length - 1]?.after !== hash) return false;
    let start = steps.length;
    while (start > 0 && !this.#snapshots.has(steps[start - 1]!.after)) start--;
    this.useDefinitions(start > 0 ? steps[start - 1]!.after : this.#initial);
    for (const step of steps.slice(start)) {
      // Replayed as a recompile, so that its labels and numbers do not count a second time.
      this.#typeset(step.tex, step.display, 0, true);
      this.#remember(step.after);
    }
    return true;
  }

  setLabels(labels: Parameters<NumberingState['setLabels']>[0]): void {
    this.#numbering.setLabels(labels);
  }

  /** `compileOnly`: MathJax's compile step alone (see RenderRequest): no HTML, glyphs or styles. */
  render(tex: string, display: boolean, counter: number, redo: boolean, compileOnly = false): RenderOutcome {
    this.#definitions.beginWatch();
    if (compileOnly) {
      const error = this.#compile(tex, display, counter, redo);
      const defines = this.#definitions.changedSinceWatch;
      if (defines) this.#remember(nextDefinitions(this.#current, tex, display));
      return {
        html: error ? errorBox(tex, error) : '',
        ...(error ? { error } : {}),
        ...this.#effects(redo),
        defines,
        glyphs: [],
        styles: [],
      };
    }
    if (this.#config.fontCache === 'global') (this.#svg as unknown as SvgWithFontCache).fontCache.clearCache();
    const { html, error, styles } = this.#typeset(tex, display, counter, redo);
    const defines = this.#definitions.changedSinceWatch;
    if (defines) this.#remember(nextDefinitions(this.#current, tex, display));
    const glyphs: Array<[string, string]> =
      this.#config.fontCache === 'global' && !error ? [...(this.#svg as unknown as SvgWithFontCache).fontCache.cache] : [];
    return {
      html: error ? errorBox(tex, error) : html,
      ...(error ? { error } : {}),
      ...this.#effects(redo),
      defines,
      glyphs,
      styles: error ? [] : styles,
    };
  }

  /** What the last formula read from the numbering state and changed in it. */
  #effects(redo: boolean): Pick<RenderOutcome, 'readsCounter' | 'counterAfter' | 'labelsRead' | 'labelsSet' | 'redo'> {
    return {
      readsCounter: this.#numbering.readsCounter,
      counterAfter: this.#numbering.counterAfter,
      labelsRead: this.#numbering.labelsRead,
      labelsSet: this.#numbering.labelsSet,
      redo: !redo && (this.#tex.parseOptions.tags as unknown as { redo: boolean }).redo,
    };
  }

  styleSheet(): string {
    return this.#adaptor.textContent(this.#svg.styleSheet(this.#doc) as never);
  }

  #typeset(tex: string, display: boolean, counter: number, redo: boolean): { html: string; error?: FormulaError; styles: StyleRule[] } {
    this.#numbering.begin(counter);
    this.#lastError = undefined;
    if (this.#config.fontCache === 'local') (this.#svg.options as Record<string, unknown>)['localID'] = localGlyphId(tex, display);
    try {
      const item = new this.#doc.options.MathItem(tex, this.#tex, display);
      item.start.node = this.#adaptor.body(this.#doc.document);
      item.setMetrics(16, 8, 80 * 8, 1e6, 1);
      if (redo) item.inputData.recompile = { counter };
      item.convert(this.#doc, STATE.LAST);
      if (this.#config.assistiveMml) unfocusHiddenLinks(this.#adaptor, item.typesetRoot as LiteElement);
      const styles = this.#config.styleClasses ? moveStylesToClasses(this.#adaptor, item.typesetRoot) : [];
      const html = this.#adaptor.outerHTML(item.typesetRoot);
      return this.#lastError ? { html, error: this.#lastError, styles } : { html, styles };
    } catch (err) {
      return { html: '', error: internalError(err), styles: [] };
    }
  }

  /** `#typeset` up to MathJax's compile step: the TeX parsed into MathML, where its errors and numbering come from. */
  #compile(tex: string, display: boolean, counter: number, redo: boolean): FormulaError | undefined {
    this.#numbering.begin(counter);
    this.#lastError = undefined;
    try {
      const item = new this.#doc.options.MathItem(tex, this.#tex, display);
      item.start.node = this.#adaptor.body(this.#doc.document);
      if (redo) item.inputData.recompile = { counter };
      item.convert(this.#doc, STATE.COMPILED);
      return this.#lastError;
    } catch (err) {
      return internalError(err);
    }
  }

  #remember(hash: string): void {
    this.#current = hash;
    this.#snapshots.delete(hash);
    this.#snapshots.set(hash, this.#definitions.snapshot());
    if (this.#snapshots.size > SNAPSHOT_LIMIT) this.#snapshots.delete(this.#snapshots.keys().next().value!);
  }
}
