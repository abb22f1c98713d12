// How the PDF's pages are laid out: the paper, its margins, and the running header (the document's
// title) and footer (page N of M). Read from settings or CLI flags; a bad value falls back to the default.

export const PAGE_SIZES = ['A4', 'Letter', 'Legal', 'A3', 'A5', 'Tabloid'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface Margins {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

export interface PageSetup {
  pageSize: PageSize;
  margins: Margins;
  /** The title at the top of each page and the page number at the bottom. */
  headerFooter: boolean;
}

const LENGTH = /^(?:\d+(?:\.\d+)?|\.\d+)(?:mm|cm|in|px|pt)$|^0$/;

export const DEFAULT_MARGIN = '20mm 18mm';

export const DEFAULT_PAGE_SETUP: PageSetup = { pageSize: 'A4', margins: parseMargins(DEFAULT_MARGIN)!, headerFooter: true };

/** CSS's margin shorthand, one to four lengths (mm, cm, in, px, pt); undefined when it is not one. */
export function parseMargins(text: string): Margins | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 1 || parts.length > 4 || !parts.every((p) => LENGTH.test(p))) return undefined;
  const [top, right = top, bottom = top, left = right] = parts as [string, ...string[]];
  return { top, right, bottom, left };
}

export function pageSizeOf(value: unknown): PageSize | undefined {
  return PAGE_SIZES.find((s) => typeof value === 'string' && s.toLowerCase() === value.trim().toLowerCase());
}

/** Page setup from loosely typed values (settings); each bad or missing value takes its default. */
export function pageSetupOf(values: { pageSize?: unknown; margin?: unknown; headerFooter?: unknown }): PageSetup {
  return {
    pageSize: pageSizeOf(values.pageSize) ?? DEFAULT_PAGE_SETUP.pageSize,
    margins: (typeof values.margin === 'string' && parseMargins(values.margin)) || DEFAULT_PAGE_SETUP.margins,
    headerFooter: typeof values.headerFooter === 'boolean' ? values.headerFooter : DEFAULT_PAGE_SETUP.headerFooter,
  };
}
