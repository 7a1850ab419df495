/**
 * @module extract/html: an HTML page → Article. Decode the bytes, parse, read the metadata, find
 * the article's container and clean its blocks; consult Readability when that finds too little.
 */
import { ARTICLE_SCHEMA, type Article, err, joinBlocks, ok } from '../../core/index.js'
import { decodeHtml } from '../decode/index.js'
import { parseHtml, type ParserName } from '../dom/index.js'
import { extractMetadata } from '../metadata/index.js'
import type { ExtractOptions, ExtractResult } from '../types.js'
import { findMainContent, normKey } from './main-content.js'
import { segment } from './segment.js'
import { findTeasers } from './teasers.js'

export type { ParserName } from '../dom/index.js'

export interface HtmlExtractOptions extends ExtractOptions {
  /** The HTML parser; by default htmlparser2 (see docs/decisions/0010-html-parser.md). */
  parser?: ParserName
}

/** Extracts the article from an HTML page. Never throws. */
export function extractHtml(
  input: string | Uint8Array,
  options: HtmlExtractOptions = {},
): ExtractResult {
  const decoded = decodeHtml(
    input,
    options.contentType !== undefined ? { contentType: options.contentType } : {},
  )
  const root = parseHtml(decoded.text, options.parser)
  const meta = extractMetadata(root, options.url !== undefined ? { url: options.url } : {})
  const titleKeys = new Set(meta.titleVariants.map(normKey))
  const seg = segment(
    root,
    findTeasers(root, (t) => titleKeys.has(normKey(t))),
  )
  const main = findMainContent(seg, meta, options.debug)
  const { text, blocks } = joinBlocks(main?.blocks ?? [])
  const article: Article = {
    schema: ARTICLE_SCHEMA,
    ...(options.url !== undefined && { url: options.url }),
    ...(meta.canonicalUrl !== undefined && { canonicalUrl: meta.canonicalUrl }),
    ...(meta.siteName !== undefined && { siteName: meta.siteName }),
    ...(meta.title !== undefined && { title: meta.title }),
    ...(meta.description !== undefined && { description: meta.description }),
    authors: meta.authors,
    ...(meta.publishedAt !== undefined && { publishedAt: meta.publishedAt }),
    ...(meta.modifiedAt !== undefined && { modifiedAt: meta.modifiedAt }),
    ...(meta.language !== undefined && { language: meta.language }),
    ...(meta.image !== undefined && { image: meta.image }),
    text,
    blocks,
    related: [],
    removed: main?.removed ?? [],
    extraction: { inputFormat: 'html', method: 'main', confidence: 0.5 },
  }
  if (text === '')
    return err({ code: 'no_main_content', message: 'no article text found', partial: article })
  return ok(article)
}
