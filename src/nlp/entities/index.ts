/**
 * @module nlp/entities: the named-entity tagger (person, organization, place, misc). A two-stage
 * averaged-perceptron BILOU tagger after Ratinov & Roth (2009), trained on CoNLL-2003 by
 * scripts/train-ner.ts and shipped in models/; loaded once, lazily. The cast list (nlp/cast)
 * groups the mentions found here into entities.
 *
 * Token conventions (CoNLL-2003): punctuation split off words, "U.S." and "Mr." one token,
 * "'s" and "n't" split off ("Germany 's", "does n't"), hyphenated words one token, numbers with
 * their commas and points one token, straight quotes. Curly quotes are straightened here.
 */
import type { Span } from '../../core/index.js'
import type { EntityMention, Token } from '../types.js'
import { flatten } from './features.js'
import { applyConsistency, mentionsFromLabels, toEntityMentions } from './mentions.js'
import { defaultTagger, type Tagger } from './tagger.js'

export { ENTITY_TYPES } from './mentions.js'
export { defaultTagger, Tagger } from './tagger.js'

/**
 * IOB2 tags (B-PER, I-ORG, B-LOC, B-MISC, O …) for pre-tokenised sentences, CoNLL-style. The
 * sentences are taken as one document (document context informs the tags).
 * @example tagSentences([['Peter', 'Blackburn', 'visited', 'Paris', '.']])
 * // → [['B-PER', 'I-PER', 'O', 'B-LOC', 'O']]
 */
export function tagSentences(sentences: string[][], tagger: Tagger = defaultTagger()): string[][] {
  return tagger.tagSentences(sentences.map((s) => s.map(modelToken)))
}

/**
 * Entity mentions in an article, typed person/organization/place/misc with offsets into `text`,
 * after document-level consistency (a name that is a person once is a person throughout, unless
 * the tagger was sure otherwise). `tokens` and `sentences` are spans of `text`.
 */
export function findEntityMentions(
  text: string,
  tokens: Token[],
  sentences: Span[],
  tagger: Tagger = defaultTagger(),
): EntityMention[] {
  const groups = groupBySentence(tokens, sentences)
  const doc = flatten(groups.map((g) => g.map((i) => modelToken(tokens[i]!.text))))
  const order = groups.flat()
  const ordered = order.map((i) => tokens[i]!)
  if (ordered.length === 0) return []
  const confidence = new Float32Array(ordered.length)
  const labels = tagger.labelDocument(doc, confidence)
  const mentions = mentionsFromLabels(labels, (start, end) => {
    let min = 1
    for (let i = start; i < end; i++) min = Math.min(min, confidence[i]!)
    return min
  })
  applyConsistency(doc.tokens, mentions, doc.sentenceStarts)
  return toEntityMentions(text, ordered, mentions)
}

/** Token indices per sentence (runs of tokens outside every sentence form sentences too). */
function groupBySentence(tokens: readonly Token[], sentences: readonly Span[]): number[][] {
  const sorted = [...sentences].sort((a, b) => a.start - b.start)
  const groups: number[][] = []
  let s = 0
  let current: number[] = []
  let currentSentence = -1
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    while (s < sorted.length && sorted[s]!.end <= t.start) s++
    const inside = s < sorted.length && sorted[s]!.start <= t.start ? s : -1
    if (inside !== currentSentence) {
      if (current.length) groups.push(current)
      current = []
      currentSentence = inside
    }
    current.push(i)
  }
  if (current.length) groups.push(current)
  return groups
}

/** The token as the model saw it in training: CoNLL text has straight quotes and apostrophes. */
function modelToken(token: string): string {
  return token.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′]/g, "'")
}
