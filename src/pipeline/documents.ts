/**
 * @module pipeline/documents: the small pure steps between a RawDocument and a stored article —
 * document keys, the article of a record that has only metadata, and hints applied where the page
 * is silent.
 */
import type { Article, RawDocument } from '../core/index.js'
import { ARTICLE_SCHEMA } from '../core/index.js'
import { sha256 } from '../store/index.js'

/** sha256 of the raw body; undefined for an empty body (nothing to recognise it by). */
export function rawHashOf(doc: RawDocument): string | undefined {
  if (doc.body.length === 0) return undefined
  return sha256(doc.body)
}

/**
 * Names one document of one source: a failure recorded under this key is counted again, not
 * duplicated, when the same document fails again, and cleared when it succeeds.
 */
export function documentKey(doc: RawDocument, rawHash: string | undefined): string {
  return sha256(
    `${doc.source.kind}\n${doc.source.location}\n${doc.url ?? ''}\n${rawHash ?? ''}`,
  ).slice(0, 32)
}

/** True when the document has no body to extract (a headline with metadata only). */
export function isMetadataOnly(doc: RawDocument): boolean {
  if (typeof doc.body === 'string') return doc.body.trim() === ''
  return doc.body.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)
}

/** The Article of a document that has a title and metadata but no body. */
export function metadataArticle(doc: RawDocument): Article | undefined {
  const h = doc.hints ?? {}
  if (h.title === undefined || h.title.trim() === '') return undefined
  return {
    schema: ARTICLE_SCHEMA,
    ...(doc.url !== undefined && { url: doc.url }),
    ...(h.siteName !== undefined && { siteName: h.siteName }),
    title: h.title.trim(),
    ...(h.description !== undefined && { description: h.description }),
    authors: h.authors ?? [],
    ...(h.publishedAt !== undefined && { publishedAt: h.publishedAt }),
    ...(h.language !== undefined && { language: h.language }),
    text: '',
    blocks: [],
    related: [],
    removed: [],
    extraction: { inputFormat: 'text', method: 'metadata', confidence: 0 },
  }
}

/** Fills what the page did not say from what the source said about it (feed item, JSON record). */
export function applyHints(article: Article, doc: RawDocument): Article {
  const h = doc.hints
  const out: Article = { ...article }
  if (out.url === undefined && doc.url !== undefined) out.url = doc.url
  if (!h) return out
  if ((out.title === undefined || out.title.trim() === '') && h.title !== undefined)
    out.title = h.title
  if (out.publishedAt === undefined && h.publishedAt !== undefined) out.publishedAt = h.publishedAt
  if (out.authors.length === 0 && h.authors !== undefined) out.authors = [...h.authors]
  if (out.siteName === undefined && h.siteName !== undefined) out.siteName = h.siteName
  if (out.language === undefined && h.language !== undefined) out.language = h.language
  if (out.description === undefined && h.description !== undefined) out.description = h.description
  return out
}
