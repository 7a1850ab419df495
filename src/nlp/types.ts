/** Internal vocabulary shared by the NLP annotators (not part of the public contract). */
import type { EntityType, Span } from '../core/index.js'

/** A token: a span of `article.text` and its text. */
export interface Token extends Span {
  text: string
}

/** A named-entity mention found by the tagger, before the cast groups mentions into entities. */
export interface EntityMention extends Span {
  type: EntityType
  text: string
  /** 0..1, the tagger's confidence in the span and type. */
  confidence: number
}
