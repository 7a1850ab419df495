/**
 * @module server/feeds/atom: Atom 1.0 (RFC 4287) documents for the reader's feeds out. Every
 * value is escaped, and characters XML 1.0 forbids (hostile feeds carry them) are dropped, so
 * whatever the corpus holds the document stays well-formed.
 */

export interface AtomEntry {
  /** A stable IRI. */
  id: string
  title: string
  /** ISO 8601. */
  updated: string
  published?: string
  link: string
  summary?: string
  authors?: string[]
  /** The outlet, shown as the entry's source. */
  source?: string
}

export interface AtomFeed {
  id: string
  title: string
  subtitle?: string
  /** The page this feed mirrors. */
  link: string
  /** The feed's own URL. */
  self: string
  updated: string
  entries: AtomEntry[]
  generator?: string
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(s: string): string {
  return s
    .replace(NOT_XML_CHAR, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

const validDate = (iso: string | undefined, fallback: string) => {
  const t = iso === undefined ? Number.NaN : Date.parse(iso)
  return Number.isNaN(t) ? fallback : new Date(t).toISOString()
}

/** Renders a feed as an Atom document. */
export function renderAtom(feed: AtomFeed): string {
  const updated = validDate(feed.updated, new Date(0).toISOString())
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xmlEscape(feed.id)}</id>`,
    `<title>${xmlEscape(feed.title)}</title>`,
  ]
  if (feed.subtitle) out.push(`<subtitle>${xmlEscape(feed.subtitle)}</subtitle>`)
  out.push(
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>`,
    `<updated>${updated}</updated>`,
    `<generator>${xmlEscape(feed.generator ?? 'Lede')}</generator>`,
  )
  for (const e of feed.entries) {
    out.push(
      '<entry>',
      `<id>${xmlEscape(e.id)}</id>`,
      `<title type="text">${xmlEscape(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`,
      `<updated>${validDate(e.updated, updated)}</updated>`,
    )
    if (e.published) out.push(`<published>${validDate(e.published, updated)}</published>`)
    const authors = e.authors && e.authors.length > 0 ? e.authors : [e.source ?? 'unknown']
    for (const a of authors) out.push(`<author><name>${xmlEscape(a)}</name></author>`)
    if (e.summary) out.push(`<summary type="text">${xmlEscape(e.summary)}</summary>`)
    out.push('</entry>')
  }
  out.push('</feed>')
  return `${out.join('\n')}\n`
}
