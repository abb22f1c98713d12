// Reading a Jupyter notebook file (nbformat 4): its cells in order, with what the export shows.

export type CellKind = 'markdown' | 'code' | 'raw';

/** One output of a code cell, as the export shows it. */
export type CellOutput =
  | { kind: 'text'; text: string; stream?: string }
  | { kind: 'error'; text: string }
  | { kind: 'image'; mime: string; base64: string }
  /** A rich output with no text or image form (HTML, widgets, JavaScript…): named, not shown. */
  | { kind: 'omitted'; mimes: string[] };

export interface NotebookCell {
  kind: CellKind;
  source: string;
  outputs: CellOutput[];
}

export interface Notebook {
  cells: NotebookCell[];
  /** The kernel's language (`metadata.language_info.name` or `kernelspec.language`), for code cells. */
  language: string;
}

/** A notebook file that cannot be read; the message says why. */
export class NotebookFormatError extends Error {}

const IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'];
/** ANSI colour codes in tracebacks. */
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Jupyter writes multi-line strings as arrays of lines. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join('');
  return '';
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function outputsOf(value: unknown): CellOutput[] {
  if (!Array.isArray(value)) return [];
  const out: CellOutput[] = [];
  for (const o of value.map(record)) {
    if (o['output_type'] === 'stream') {
      out.push({ kind: 'text', text: text(o['text']), stream: typeof o['name'] === 'string' ? o['name'] : undefined });
    } else if (o['output_type'] === 'error') {
      const traceback = text(Array.isArray(o['traceback']) ? (o['traceback'] as unknown[]).map((l) => `${text(l)}\n`) : []);
      out.push({ kind: 'error', text: (traceback || `${text(o['ename'])}: ${text(o['evalue'])}`).replace(ANSI, '') });
    } else if (o['output_type'] === 'execute_result' || o['output_type'] === 'display_data') {
      const data = record(o['data']);
      const image = IMAGES.find((m) => m in data);
      if (image) {
        const raw = text(data[image]);
        // PNG/JPEG/GIF are stored as base64; SVG as its text.
        const base64 = image === 'image/svg+xml' ? base64Of(raw) : raw.replace(/\s+/g, '');
        out.push({ kind: 'image', mime: image, base64 });
      } else if ('text/plain' in data) {
        out.push({ kind: 'text', text: text(data['text/plain']) });
      } else {
        const mimes = Object.keys(data);
        if (mimes.length) out.push({ kind: 'omitted', mimes });
      }
    }
  }
  return out;
}

/** Base64 of a string's UTF-8 bytes, without Node's Buffer or the DOM (the core runs anywhere). */
function base64Of(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? abc[n & 63]! : '=';
  }
  return out;
}

/** Reads an `.ipynb` file's text (nbformat 4; version 3's `worksheets` are read too). */
export function readIpynb(json: string): Notebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new NotebookFormatError(`not a notebook: the file is not JSON (${(e as Error).message})`);
  }
  const nb = record(parsed);
  const rawCells = Array.isArray(nb['cells'])
    ? (nb['cells'] as unknown[])
    : Array.isArray(nb['worksheets'])
      ? (nb['worksheets'] as unknown[]).flatMap((w) => (Array.isArray(record(w)['cells']) ? (record(w)['cells'] as unknown[]) : []))
      : undefined;
  if (!rawCells) throw new NotebookFormatError('not a notebook: no "cells" list');
  const metadata = record(nb['metadata']);
  const language = text(record(metadata['language_info'])['name']) || text(record(metadata['kernelspec'])['language']) || 'python';
  const cells = rawCells.map(record).map((c): NotebookCell => {
    const type = c['cell_type'];
    const kind: CellKind = type === 'markdown' || type === 'code' ? type : 'raw';
    return { kind, source: text(c['source'] ?? c['input']), outputs: kind === 'code' ? outputsOf(c['outputs']) : [] };
  });
  return { cells, language };
}

/** Is this file name a notebook's? */
export function isNotebookName(name: string | undefined): boolean {
  return !!name && /\.ipynb$/i.test(name);
}
