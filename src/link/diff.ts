/**
 * @module What a copy changed: the headline, paragraphs added or cut, sentences rewritten
 * (with a word diff), and whether sentences were moved. Sentences are matched across the whole
 * text, so reordering is not mistaken for rewriting.
 */
import { diffWords } from 'diff'
import { copyWords, splitSentences } from './minhash.js'

/** A piece of a word diff: kept, added or removed text. */
export interface WordChange {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** How a copy differs from its origin. */
export interface CopyDiff {
  /** Set when the headline changed. */
  headline?: { from: string; to: string }
  /** Paragraphs of the copy with no sentence from the origin. */
  paragraphsAdded: string[]
  /** Paragraphs of the origin with no sentence in the copy. */
  paragraphsRemoved: string[]
  /** Sentences the copy added or cut inside paragraphs it kept. */
  sentencesAdded: string[]
  sentencesRemoved: string[]
  /** Sentences kept but reworded. */
  sentencesRewritten: { from: string; to: string; changes: WordChange[] }[]
  /** Whether kept sentences appear in another order. */
  reordered: boolean
  /** Share of the origin's sentences kept word for word. */
  unchanged: number
}

/** Least word overlap (Jaccard) for two sentences to count as one reworded. */
const REWRITE_MIN_JACCARD = 0.5

interface Sent {
  text: string
  para: number
  key: string
  words: Set<string>
}

function sentences(text: string): Sent[] {
  const out: Sent[] = []
  text.split(/\n\s*\n/).forEach((p, para) => {
    for (const s of splitSentences(p)) {
      const w = copyWords(s)
      out.push({ text: s, para, key: w.join(' '), words: new Set(w) })
    }
  })
  return out
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  const u = a.size + b.size - n
  return u ? n / u : 1
}

/** Compares a copy with its origin. */
export function diffCopy(
  origin: { title?: string; text: string },
  copy: { title?: string; text: string },
): CopyDiff {
  const o = sentences(origin.text)
  const c = sentences(copy.text)
  const matchOf = new Array<number>(c.length).fill(-1)
  const used = new Set<number>()
  const byKey = new Map<string, number[]>()
  o.forEach((s, i) => {
    const l = byKey.get(s.key)
    if (l) l.push(i)
    else byKey.set(s.key, [i])
  })
  // Exact matches first (moved sentences included), then the closest rewording.
  c.forEach((s, j) => {
    const cands = byKey.get(s.key)
    const i = cands?.find((k) => !used.has(k))
    if (i !== undefined) {
      matchOf[j] = i
      used.add(i)
    }
  })
  const rewritten: CopyDiff['sentencesRewritten'] = []
  c.forEach((s, j) => {
    if (matchOf[j] !== -1) return
    let best = -1
    let bestSim = REWRITE_MIN_JACCARD
    o.forEach((t, i) => {
      if (used.has(i)) return
      const sim = jaccard(s.words, t.words)
      if (sim >= bestSim) {
        best = i
        bestSim = sim
      }
    })
    if (best >= 0) {
      matchOf[j] = best
      used.add(best)
      const from = o[best]!.text
      rewritten.push({
        from,
        to: s.text,
        changes: diffWords(from, s.text).map((ch) => ({
          kind: ch.added ? 'added' : ch.removed ? 'removed' : 'same',
          text: ch.value,
        })),
      })
    }
  })
  // Paragraph-level additions and cuts: paragraphs with no matched sentence at all.
  const copyParas = new Map<number, boolean>()
  c.forEach((s, j) => {
    copyParas.set(s.para, (copyParas.get(s.para) ?? false) || matchOf[j] !== -1)
  })
  const originParas = new Map<number, boolean>()
  o.forEach((s, i) => {
    originParas.set(s.para, (originParas.get(s.para) ?? false) || used.has(i))
  })
  const paraText = (text: string, n: number) => text.split(/\n\s*\n/)[n]!.trim()
  const paragraphsAdded = [...copyParas].filter(([, m]) => !m).map(([p]) => paraText(copy.text, p))
  const paragraphsRemoved = [...originParas]
    .filter(([, m]) => !m)
    .map(([p]) => paraText(origin.text, p))
  const sentencesAdded = c
    .filter((s, j) => matchOf[j] === -1 && copyParas.get(s.para))
    .map((s) => s.text)
  const sentencesRemoved = o
    .filter((s, i) => !used.has(i) && originParas.get(s.para))
    .map((s) => s.text)
  let reordered = false
  let last = -1
  for (const i of matchOf) {
    if (i === -1) continue
    if (i < last) reordered = true
    last = i
  }
  const exact = matchOf.filter((i, j) => i !== -1 && o[i]!.key === c[j]!.key).length
  const diff: CopyDiff = {
    paragraphsAdded,
    paragraphsRemoved,
    sentencesAdded,
    sentencesRemoved,
    sentencesRewritten: rewritten,
    reordered,
    unchanged: o.length ? Math.round((exact / o.length) * 1000) / 1000 : 1,
  }
  const ft = (origin.title ?? '').trim()
  const tt = (copy.title ?? '').trim()
  if (ft !== tt) diff.headline = { from: ft, to: tt }
  return diff
}
