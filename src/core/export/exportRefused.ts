/** An export that must not happen (e.g. it would replace the source); the message says why. */
export class ExportRefused extends Error {
  override name = 'ExportRefused';
}
