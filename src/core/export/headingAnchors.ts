const HEADING = /<(h[1-6])\b([^>]*?)\sid="([^"]+)"([^>]*)>/gi;

/** Gives every heading that has an id a self-link, so a section's address can be copied. */
export function headingAnchors(html: string): string {
  return html.replace(
    HEADING,
    (whole, _tag: string, _before: string, id: string) =>
      `${whole}<a class="heading-anchor" href="#${id}" aria-hidden="true" tabindex="-1">#</a>`,
  );
}
