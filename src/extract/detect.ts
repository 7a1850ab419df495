/** Decides what a document is by its content: HTML, a plain-text dump, a feed, or binary. */

export type DetectedFormat = 'html' | 'text' | 'feed' | 'binary'

const SNIFF_BYTES = 4096
const HTML_TAG =
  /<\/?(div|p|span|a|article|section|meta|title|link|script|style|br|img|ul|li|h[1-6]|table|tr|td|main|header|footer|nav)(\s[^<>]*)?\/?>/gi
/** Known tags in the first 4 KB that make a document HTML although it does not start with one. */
const MIN_TAGS = 4

/** The format of a document by its content, not its name. */
export function detectFormat(input: string | Uint8Array): DetectedFormat {
  let head: string
  if (typeof input === 'string') {
    head = input.slice(0, SNIFF_BYTES)
  } else {
    const bytes = input.subarray(0, SNIFF_BYTES)
    const le = bytes[0] === 0xff && bytes[1] === 0xfe
    if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      // UTF-16 text has a NUL in every other byte: read it before judging it binary.
      const b = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
      head = (le ? b : Buffer.from(b).swap16()).toString('utf16le')
    } else {
      if (looksBinary(bytes)) return 'binary'
      head = Buffer.from(bytes).toString('latin1')
    }
  }
  const h = head.replace(/^\uFEFF/, '').trimStart()
  if (
    /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF|opml|urlset|sitemapindex)\b/i.test(h)
  )
    return 'feed'
  if (/^<(rss|feed|rdf:RDF)\b/i.test(h)) return 'feed'
  if (/^\{\s*"version"\s*:\s*"https:\/\/jsonfeed\.org/i.test(h)) return 'feed'
  if (/<(!doctype\s+html|html|head|body)[\s>]/i.test(h)) return 'html'
  // Without those, markup must be frequent: a text dump may quote a tag or two ("<p>"), and
  // its lines may open with "<" as a title in angle brackets does.
  const tags = h.match(HTML_TAG)?.length ?? 0
  if (/^<[a-z!]/i.test(h) && tags >= 1) return 'html'
  return tags >= MIN_TAGS ? 'html' : 'text'
}

function looksBinary(bytes: Uint8Array): boolean {
  let control = 0
  for (const b of bytes) {
    if (b === 0) return true
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return bytes.length > 0 && control / bytes.length > 0.1
}
