/** A document as a source delivers it, before extraction: what ingest/ yields and pipeline/ consumes. */

export type SourceKind = 'feed' | 'url' | 'file' | 'stdin' | 'warc' | 'sitemap' | 'api'

export interface RawDocument {
  /** The page as received: bytes (charset decided by extraction) or already-decoded text. */
  body: Uint8Array | string
  /** The final URL after redirects, when known. */
  url?: string
  /** The HTTP Content-Type header, when fetched. */
  contentType?: string
  /** `html` or `text` when the source knows; otherwise extraction decides by content. */
  format?: 'html' | 'text'
  source: { kind: SourceKind; location: string }
  /** ISO 8601: when it was fetched or read. */
  fetchedAt: string
  /** What a feed item or a JSON line said about it, used where the page itself is silent. */
  hints?: {
    title?: string
    publishedAt?: string
    authors?: string[]
    siteName?: string
    language?: string
    description?: string
  }
}
