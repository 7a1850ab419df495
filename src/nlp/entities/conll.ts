/**
 * CoNLL-2003 files and entity-level scoring, for training and benchmarking the tagger. The scorer
 * follows the conlleval convention exactly as ../shared/scorers/conll-score.mjs does: an entity
 * counts only when its start, end and type all match; an I- tag after O or another type opens one.
 */

/** A sentence: tokens and their gold tags. */
export interface ConllSentence {
  tokens: string[]
  tags: string[]
}

/** Sentences grouped by -DOCSTART- into documents. */
export type ConllDocument = ConllSentence[]

/** Parses CoNLL-format text (token … tag per line, the tag last; -DOCSTART- between documents). */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = []
  let doc: ConllDocument = []
  let sentence: ConllSentence = { tokens: [], tags: [] }
  const endSentence = () => {
    if (sentence.tokens.length) doc.push(sentence)
    sentence = { tokens: [], tags: [] }
  }
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/)
    if (cols[0] === '-DOCSTART-') {
      endSentence()
      if (doc.length) docs.push(doc)
      doc = []
    } else if (!line.trim()) endSentence()
    else {
      sentence.tokens.push(cols[0]!)
      sentence.tags.push(cols[cols.length - 1]!)
    }
  }
  endSentence()
  if (doc.length) docs.push(doc)
  return docs
}

/** Entity spans `start:end:type` of a tag sequence (conlleval reading of IOB1/IOB2). */
export function conllSpans(tags: readonly string[]): string[] {
  const out: string[] = []
  let start = -1
  let type: string | null = null
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i]! : 'O'
    const bio = t === 'O' ? 'O' : t.slice(0, 1)
    const ty = t === 'O' ? null : t.slice(2)
    const begins = bio === 'B' || (bio === 'I' && ty !== type)
    if (start >= 0 && (bio === 'O' || begins)) {
      out.push(`${start}:${i - 1}:${type}`)
      start = -1
      type = null
    }
    if (bio !== 'O' && (begins || start < 0)) {
      start = i
      type = ty
    }
  }
  return out
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface Scores extends Counts {
  precision: number
  recall: number
  f1: number
}

/** Accumulates entity matches sentence by sentence. */
export class EntityScorer {
  readonly counts = new Map<string, Counts>()

  private bump(type: string, key: keyof Counts): void {
    let c = this.counts.get(type)
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 }
      this.counts.set(type, c)
    }
    c[key]++
  }

  add(gold: readonly string[], predicted: readonly string[]): void {
    const g = new Set(conllSpans(gold))
    const p = new Set(conllSpans(predicted))
    for (const s of p) this.bump(s.split(':')[2]!, g.has(s) ? 'tp' : 'fp')
    for (const s of g) if (!p.has(s)) this.bump(s.split(':')[2]!, 'fn')
  }

  /** Scores of one type, or of several summed (all types when omitted). */
  scores(types?: readonly string[]): Scores {
    const sum: Counts = { tp: 0, fp: 0, fn: 0 }
    for (const t of types ?? [...this.counts.keys()]) {
      const c = this.counts.get(t)
      if (!c) continue
      sum.tp += c.tp
      sum.fp += c.fp
      sum.fn += c.fn
    }
    const precision = sum.tp + sum.fp ? sum.tp / (sum.tp + sum.fp) : 0
    const recall = sum.tp + sum.fn ? sum.tp / (sum.tp + sum.fn) : 0
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
    return { ...sum, precision, recall, f1 }
  }
}
