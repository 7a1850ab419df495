/**
 * @module nlp: an Article → Annotations (sentences, entities and the cast, quotes), as standoff
 * spans over `article.text`. Pure: no I/O beyond loading the shipped model once, lazily.
 */
import type { AnalyzedArticle, Annotations, Article } from '../core/index.js'
import { ANNOTATIONS_SCHEMA } from '../core/index.js'
import { findQuotes } from './quotes/index.js'

export interface AnalyzeOptions {
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

/** Annotates an article. (sentences, entities and cast arrive with issue 4) */
export function analyze(article: Article, _options: AnalyzeOptions = {}): AnalyzedArticle {
  const sentences: Annotations['sentences'] = []
  const entities: Annotations['entities'] = []
  const quotes = findQuotes({ text: article.text, blocks: article.blocks, sentences, entities })
  return {
    article,
    annotations: { schema: ANNOTATIONS_SCHEMA, sentences, entities, quotes },
  }
}
