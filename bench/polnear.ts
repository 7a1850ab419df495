/**
 * PolNeAR-format JSONL (../shared/data/quotes-polnear): loading articles, laying out their
 * paragraphs, and writing the finder's quotes in the reference scorer's prediction format.
 */
import { readFileSync } from 'node:fs'
import type { Block, Quote } from '../src/core/index.js'
import type { Doc, GoldQuote } from './score-quotes.js'

export interface PolnearArticle extends Doc {
  text: string
}

export function loadPolnear(file: string): PolnearArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PolnearArticle)
}

/** Paragraph blocks: PolNeAR puts one paragraph on a line (some files leave no blank line). */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = []
  for (const m of text.matchAll(/[^\n]*\S[^\n]*/g)) {
    blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length })
  }
  return blocks
}

const MARKS = /["“”„‟«»‘’‹›']/

/** PolNeAR's content spans of direct quotes include the quote marks. */
export function withMarks(
  text: string,
  s: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = s
  if (MARKS.test(text[start - 1] ?? '')) start -= text.slice(start - 2, start) === "''" ? 2 : 1
  // the finder leaves out the comma before the closing mark (“We will win,” she said)
  let e = end
  while (e < text.length && /[\s,]/.test(text[e]!)) e++
  if (MARKS.test(text[e] ?? '')) end = e + (text.slice(e, e + 2) === "''" ? 2 : 1)
  return { start, end }
}

const TYPE = { direct: 'direct', partial: 'mixed', indirect: 'indirect' } as const

/**
 * One article's quotes in the scorer's format: content segments (with the marks for direct
 * quotes), the speaker span as the local mention, and the PolNeAR type of each.
 */
export function toPolnear(a: PolnearArticle, quotes: readonly Quote[], extra = false): Doc {
  return {
    id: a.id,
    quotes: quotes.map((q): GoldQuote => {
      const raw = q.segments ?? [{ start: q.start, end: q.end }]
      const segs = q.kind === 'direct' ? raw.map((s) => withMarks(a.text, s)) : raw
      const out: GoldQuote = {
        start: segs[0]!.start,
        end: segs[segs.length - 1]!.end,
        segments: segs,
        type: TYPE[q.kind],
        speaker_start: q.speaker?.mention?.start ?? null,
        speaker_end: q.speaker?.mention?.end ?? null,
      }
      if (extra) Object.assign(out, { cue: q.cue?.text ?? null, confidence: q.confidence })
      return out
    }),
  }
}
