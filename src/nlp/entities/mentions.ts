/**
 * From tagged tokens to entity mentions over the article text, and the document-level consistency
 * rule: a name keeps one type throughout the article unless the tagger was sure otherwise.
 */
import type { EntityType } from '../../core/index.js'
import type { EntityMention, Token } from '../types.js'
import { labelPosition, labelType, makeLabel } from './labels.js'

/** CoNLL types → the contract's entity types. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'misc']

/** A mention over token indices, before it is mapped to text offsets. */
export interface TokenMention {
  /** first token */
  start: number
  /** last token + 1 */
  end: number
  /** type index 0..3 (PER, ORG, LOC, MISC) */
  type: number
  confidence: number
}

/** Reads mentions off a BILOU label sequence (labels decoded under BILOU constraints). */
export function mentionsFromLabels(
  labels: ArrayLike<number>,
  confidence: (start: number, end: number) => number = () => 1,
): TokenMention[] {
  const out: TokenMention[] = []
  let open = -1
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!
    const pos = labelPosition(label)
    if (pos === 0) open = i
    else if (pos === 3 || (pos === 2 && open >= 0)) {
      const start = pos === 3 ? i : open
      out.push({ start, end: i + 1, type: labelType(label), confidence: confidence(start, i + 1) })
      open = -1
    }
  }
  return out
}

/** Writes mentions back as BILOU labels over `length` tokens (for scoring after consistency). */
export function labelsFromMentions(length: number, mentions: readonly TokenMention[]): Uint8Array {
  const labels = new Uint8Array(length)
  for (const m of mentions) {
    if (m.end - m.start === 1) labels[m.start] = makeLabel(m.type, 3)
    else {
      labels[m.start] = makeLabel(m.type, 0)
      for (let i = m.start + 1; i < m.end - 1; i++) labels[i] = makeLabel(m.type, 1)
      labels[m.end - 1] = makeLabel(m.type, 2)
    }
  }
  return labels
}

/**
 * Below this confidence a mention's type gives way to the article's other evidence. 0.9: a mention
 * the tagger scored at 90% or more keeps its type even against the article ("Jordan" the country
 * beside "Michael Jordan"); below it, the article decides.
 */
export const OVERRIDE_BELOW = 0.9

const norm = (s: string) => s.toLowerCase()

/**
 * Document-level consistency over mentions (token indices into `tokens`), in place:
 * 1. a one-word mention that is the first or last word of a longer person mention is a person
 *    ("Blackburn" after "Peter Blackburn");
 * 2. mentions with the same text take the type with the most confidence behind it;
 * 3. a repeat of a multi-word name that the tagger missed is added with that name's type.
 * Steps 1 and 2 change only mentions below OVERRIDE_BELOW. Returns the mentions, sorted.
 */
export function applyConsistency(
  tokens: readonly string[],
  mentions: TokenMention[],
  sentenceStarts: readonly number[],
): TokenMention[] {
  const textOf = (m: { start: number; end: number }) => tokens.slice(m.start, m.end).join(' ')

  // 1. Parts of person names.
  const personParts = new Set<string>()
  for (const m of mentions) {
    if (m.type !== 0 || m.end - m.start < 2) continue
    personParts.add(norm(tokens[m.start]!))
    personParts.add(norm(tokens[m.end - 1]!))
  }
  for (const m of mentions) {
    if (m.end - m.start === 1 && m.type !== 0 && m.confidence < OVERRIDE_BELOW) {
      if (personParts.has(norm(tokens[m.start]!))) m.type = 0
    }
  }

  // 2. One type per name.
  const votes = new Map<string, Float64Array>()
  for (const m of mentions) {
    const key = norm(textOf(m))
    let v = votes.get(key)
    if (!v) {
      v = new Float64Array(4)
      votes.set(key, v)
    }
    v[m.type]! += m.confidence
  }
  for (const m of mentions) {
    if (m.confidence >= OVERRIDE_BELOW) continue
    const v = votes.get(norm(textOf(m)))!
    let best = m.type
    for (let t = 0; t < 4; t++) if (v[t]! > v[best]!) best = t
    m.type = best
  }

  // 3. Missed repeats of multi-word names (exact spelling, not overlapping a mention).
  const covered = new Uint8Array(tokens.length)
  for (const m of mentions) covered.fill(1, m.start, m.end)
  const names = new Map<string, TokenMention>()
  for (const m of mentions) {
    if (m.end - m.start < 2) continue
    const key = textOf(m)
    const seen = names.get(key)
    if (!seen || m.confidence > seen.confidence) names.set(key, m)
  }
  if (names.size > 0) {
    const firstWords = new Map<string, TokenMention[]>()
    for (const m of names.values()) {
      const list = firstWords.get(tokens[m.start]!) ?? []
      list.push(m)
      firstWords.set(tokens[m.start]!, list)
    }
    for (let s = 0; s + 1 < sentenceStarts.length; s++) {
      const end = sentenceStarts[s + 1]!
      for (let i = sentenceStarts[s]!; i < end; i++) {
        const candidates = firstWords.get(tokens[i]!)
        if (!candidates || covered[i]) continue
        for (const m of candidates) {
          const len = m.end - m.start
          if (i + len > end) continue
          let same = true
          for (let k = 0; k < len && same; k++) {
            same = !covered[i + k] && tokens[i + k] === tokens[m.start + k]
          }
          if (!same) continue
          mentions.push({ start: i, end: i + len, type: m.type, confidence: m.confidence * 0.5 })
          covered.fill(1, i, i + len)
          break
        }
      }
    }
  }
  return mentions.sort((a, b) => a.start - b.start)
}

/** Maps token mentions to EntityMentions with offsets into `text`. */
export function toEntityMentions(
  text: string,
  tokens: readonly Token[],
  mentions: readonly TokenMention[],
): EntityMention[] {
  return mentions.map((m) => {
    const start = tokens[m.start]!.start
    const end = tokens[m.end - 1]!.end
    return {
      start,
      end,
      type: ENTITY_TYPES[m.type]!,
      text: text.slice(start, end),
      confidence: Math.round(m.confidence * 1000) / 1000,
    }
  })
}
