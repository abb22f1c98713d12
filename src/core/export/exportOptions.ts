import type { MathdownSettings } from '../config/settings';
import type { MathdownRenderer } from '../render/render';
import type { ImageLoader, ImageRewriter } from './embedImages';
import type { ExportTheme } from './exportCss';
import type { SecurityLevel } from '../../shared/remoteContent';

export interface ExportOptions {
  renderer: MathdownRenderer;
  settings: MathdownSettings;
  /** Overrides `settings.export.theme`. */
  theme?: ExportTheme;
  /** Overrides `settings.export.images`. */
  images?: 'embed' | 'link';
  /** Reads a local image the document refers to (relative to the document); undefined keeps the link. */
  loadImage?: ImageLoader;
  /** With `images: "link"`: rewrites a local image reference, e.g. to stay valid from another folder. */
  linkImage?: ImageRewriter;
  /**
   * The preview's security level: remote images it would not load are left out of the page, and
   * its policy allows only the rest. Default strict, as the preview's: no remote image.
   */
  remoteContent?: SecurityLevel;
  /** The document's file name: the title when the document has neither front matter title nor heading. */
  sourceName?: string;
  signal?: AbortSignal;
}
