/**
 * Guard for oversized pages, so that extraction stays bounded in time and memory. (Deep nesting is
 * guarded in dom/parse.ts, which hands such pages to parse5.)
 */

/**
 * Pages above this many characters lose their scripts, styles, comments and inline SVG first,
 * then are cut at this length. News pages are far smaller (the largest benchmark page is 1.5 MB).
 */
export const MAX_HTML_CHARS = 8_000_000

/** Shrinks an oversized page; pages under MAX_HTML_CHARS pass untouched. */
export function limitSize(html: string, debug?: (m: string) => void): string {
  if (html.length <= MAX_HTML_CHARS) return html
  let h = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<svg\b[\s\S]*?<\/svg\s*>/gi, '')
  if (h.length > MAX_HTML_CHARS) {
    const cut = h.lastIndexOf('>', MAX_HTML_CHARS)
    h = h.slice(0, cut > 0 ? cut + 1 : MAX_HTML_CHARS)
  }
  debug?.(`page of ${html.length} characters reduced to ${h.length}`)
  return h
}
