import { escapeHtml } from '../../shared/escapeHtml';
import type { TexError } from '../types';

/** The visible stand-in for a formula that could not be typeset: its TeX source and the message. */
export function errorBox(tex: string, error: TexError): string {
  const message = escapeHtml(error.message);
  return (
    `<span class="mathdown-error" title="${message}" data-error-id="${escapeHtml(error.id)}">` +
    `<code>${escapeHtml(tex)}</code><span class="mathdown-error-message">${message}</span></span>`
  );
}
