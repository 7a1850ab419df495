/**
 * @module The Article contract: what `lede extract` prints and every later stage reads.
 * Versioned by `schema`; fields may be added, none renamed or removed without a new version.
 */

/** A standoff span: UTF-16 offsets into `Article.text`, end exclusive. */
export interface Span {
  start: number
  end: number
}

export const ARTICLE_SCHEMA = 'lede.article/1' as const

export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'list-item' | 'pre' | 'table'

export interface Block extends Span {
  kind: BlockKind
}

/** A teaser of a related-articles rail found on the page. */
export interface RelatedTeaser {
  title: string
  url?: string
  excerpt?: string
  caption?: string
  image?: string
}

export type RemovedKind =
  | 'share'
  | 'related'
  | 'navigation'
  | 'caption'
  | 'ad'
  | 'newsletter'
  | 'cookie'
  | 'comments'
  | 'footer'
  | 'byline'
  | 'other'

/** Page furniture that extraction left out, reported rather than silently lost. */
export interface Removed {
  kind: RemovedKind
  text: string
  reason: string
}

export type InputFormat = 'html' | 'text'

export interface Extraction {
  inputFormat: InputFormat
  /** Which method produced the body, e.g. `main`, `readability`, `text-lines`. */
  method: string
  /** 0..1: how sure the extractor is that `text` is the article and only the article. */
  confidence: number
}

export interface Article {
  schema: typeof ARTICLE_SCHEMA
  url?: string
  canonicalUrl?: string
  siteName?: string
  title?: string
  description?: string
  authors: string[]
  /** ISO 8601. */
  publishedAt?: string
  /** ISO 8601. */
  modifiedAt?: string
  language?: string
  image?: string
  /** The body as plain text, blocks separated by a blank line. */
  text: string
  blocks: Block[]
  related: RelatedTeaser[]
  removed: Removed[]
  extraction: Extraction
}

/** Builds `text` and `blocks` from block texts, joined by a blank line. */
export function joinBlocks(parts: readonly { kind: BlockKind; text: string }[]): {
  text: string
  blocks: Block[]
} {
  const blocks: Block[] = []
  let text = ''
  for (const part of parts) {
    const t = part.text.trim()
    if (t === '') continue
    if (text !== '') text += '\n\n'
    blocks.push({ kind: part.kind, start: text.length, end: text.length + t.length })
    text += t
  }
  return { text, blocks }
}
