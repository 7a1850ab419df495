/** Decides what a document is by its content: HTML, a plain-text dump, a feed, or binary. */

export type DetectedFormat = 'html' | 'text' | 'feed' | 'binary'

const SNIFF_BYTES = 4096

export function detectFormat(input: string | Uint8Array): DetectedFormat {
  let head: string
  if (typeof input === 'string') {
    head = input.slice(0, SNIFF_BYTES)
  } else {
    const bytes = input.subarray(0, SNIFF_BYTES)
    if (looksBinary(bytes)) return 'binary'
    head = Buffer.from(bytes).toString('latin1')
  }
  const h = head.replace(/^\uFEFF/, '').trimStart()
  if (
    /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF|opml|urlset|sitemapindex)\b/i.test(h)
  )
    return 'feed'
  if (/^<(rss|feed|rdf:RDF)\b/i.test(h)) return 'feed'
  if (/^\{\s*"version"\s*:\s*"https:\/\/jsonfeed\.org/i.test(h)) return 'feed'
  if (/<(!doctype\s+html|html|head|body|div|p|article|meta|title)[\s>]/i.test(h)) return 'html'
  return 'text'
}

function looksBinary(bytes: Uint8Array): boolean {
  let control = 0
  for (const b of bytes) {
    if (b === 0) return true
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return bytes.length > 0 && control / bytes.length > 0.1
}
