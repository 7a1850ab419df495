/** @module nlp/quotes: every quote with its speaker. (stub; issue 5 builds it) */
import type { Block, Entity, Quote, Span } from '../../core/index.js'

export interface QuoteInput {
  text: string
  blocks: readonly Block[]
  sentences: readonly Span[]
  /** The cast: entities with all their mentions, pronouns included where resolved. */
  entities: readonly Entity[]
}

export function findQuotes(_input: QuoteInput): Quote[] {
  return []
}
