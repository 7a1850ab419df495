/**
 * @module nlp: an Article → Annotations (sentences, values, the cast, quotes), as standoff
 * spans over `article.text`. Pure: no I/O beyond loading the shipped model once, lazily.
 *
 * The order: tokens (nlp/tokens) → sentences (nlp/sentences; blocks are hard boundaries) →
 * entity mentions (the tagger in nlp/entities) → the cast (nlp/cast) → values (nlp/values) →
 * quotes (nlp/quotes, which reads the sentences and the cast).
 */
import type { AnalyzedArticle, Annotations, Article, Span } from '../core/index.js'
import { ANNOTATIONS_SCHEMA } from '../core/index.js'
import { buildCast } from './cast/index.js'
import { findMentionsByRule } from './cast/rule-mentions.js'
import { defaultTagger, findEntityMentions } from './entities/index.js'
import { hashString } from './entities/hash.js'
import { findQuotes } from './quotes/index.js'
import { splitSentences } from './sentences/index.js'
import { tokenize } from './tokens/index.js'
import type { EntityMention, Token } from './types.js'
import { findValues } from './values/index.js'

/** Finds the entity mentions of a text: the tagger's signature (nlp/entities). */
export type MentionFinder = (text: string, tokens: Token[], sentences: Span[]) => EntityMention[]

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
  /**
   * The entity-mention finder.
   * @default the statistical tagger of nlp/entities (the rule-based finder of nlp/cast stands
   * in, with a debug message, if the tagger's model cannot be loaded)
   */
  findMentions?: MentionFinder
}

/**
 * Annotates an article: sentences, values, the cast (entities) and quotes.
 * @example
 * const { annotations } = analyze(article)
 * for (const e of annotations.entities) console.log(e.id, e.name, e.descriptions)
 */
export function analyze(article: Article, options: AnalyzeOptions = {}): AnalyzedArticle {
  const { text, blocks } = article
  const debug = options.debug
  const tokens = tokenize(text)
  const sentences = splitSentences(text, tokens, blocks)
  const mentions = (options.findMentions ?? defaultFinder(debug))(text, tokens, sentences)
  const isCommonWord = options.findMentions === undefined ? commonWordTest(debug) : undefined
  const cast = buildCast({
    text,
    tokens,
    sentences,
    mentions,
    ...(isCommonWord !== undefined && { isCommonWord }),
    ...(debug !== undefined && { debug }),
  })
  const values = findValues(text, {
    sentences,
    ...(article.publishedAt !== undefined && { publishedAt: article.publishedAt }),
  })
  const entities: Annotations['entities'] = cast.entities
  const quotes = findQuotes({ text, blocks, sentences, entities })
  return {
    article,
    annotations: { schema: ANNOTATIONS_SCHEMA, sentences, entities, quotes, values },
  }
}

/**
 * Common words by the tagger's lexicon: written capitalised under 10% of the time where nothing
 * forces a capital (its case buckets 1, 2, 6 and 7; nlp/entities/train/word-classes.ts). Without
 * the model, no word is common.
 */
function commonWordTest(
  debug: ((message: string) => void) | undefined,
): ((lower: string) => boolean) | undefined {
  if (commonWord !== undefined) return commonWord ?? undefined
  try {
    const { lexicon } = defaultTagger()
    commonWord = (lower) => {
      const bucket = lexicon.caseBucket(hashString(lower)) % 5
      return bucket === 1 || bucket === 2
    }
  } catch (e) {
    debug?.(`no case statistics (${e instanceof Error ? e.message : String(e)})`)
    commonWord = null
  }
  return commonWord ?? undefined
}
let commonWord: ((lower: string) => boolean) | null | undefined

/** The tagger, or the rule-based finder when the tagger's model cannot be loaded. */
function defaultFinder(debug: ((message: string) => void) | undefined): MentionFinder {
  return (text, tokens, sentences) => {
    try {
      return findEntityMentions(text, tokens, sentences)
    } catch (e) {
      debug?.(
        `entity tagger unavailable (${e instanceof Error ? e.message : String(e)}): rule-based mentions`,
      )
      return findMentionsByRule(text, tokens, sentences)
    }
  }
}
