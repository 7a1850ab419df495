/**
 * @module The Annotations contract: what `lede analyze` adds to an Article.
 * Every span is a standoff `{ start, end }` into `article.text` (UTF-16, end exclusive).
 */
import type { Article, Span } from './article.js'

export const ANNOTATIONS_SCHEMA = 'lede.annotations/1' as const

export type EntityType = 'person' | 'organization' | 'place' | 'misc'

export type MentionKind = 'name' | 'title' | 'description' | 'pronoun'

export interface Mention extends Span {
  text: string
  kind: MentionKind
}

export interface Entity {
  id: string
  type: EntityType
  /** The fullest name used in the article. */
  name: string
  /** Other names and spellings used. */
  aliases: string[]
  /** Titles and roles: "French President", "Macron's chief of staff". */
  descriptions: string[]
  mentions: Mention[]
}

export type QuoteKind = 'direct' | 'partial' | 'indirect'

export interface Speaker {
  name: string
  entityId?: string
  anonymous: boolean
  description?: string
  /** The words in the text that name the speaker. */
  mention?: Span
}

export interface Quote extends Span {
  id: string
  kind: QuoteKind
  /** The quoted content, without the quote marks. */
  text: string
  /** A quote broken by its attribution. */
  segments?: Span[]
  speaker?: Speaker
  cue?: Span & { text: string }
  confidence: number
}

export type ValueKind = 'date' | 'time' | 'money' | 'percent' | 'quantity'

/** Dates, times, money, percentages and quantities found in the text. */
export interface Value extends Span {
  kind: ValueKind
  text: string
  /** Normalised value: ISO 8601 for dates and times, a number for the others. */
  value?: string | number
  unit?: string
}

export interface Annotations {
  schema: typeof ANNOTATIONS_SCHEMA
  sentences: Span[]
  entities: Entity[]
  quotes: Quote[]
  values?: Value[]
}

export interface AnalyzedArticle {
  article: Article
  annotations: Annotations
}
