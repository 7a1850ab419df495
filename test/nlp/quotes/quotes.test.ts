/**
 * Table tests for the quote finder: every *.jsonl file here holds one hand-written case per line
 * (text, an optional hand-made cast, and the quotes expected, in text order). Spans are given as
 * the words they cover; `nth` picks among repeated words (0-based).
 */
import { describe, expect, test } from 'vitest'
import type { Block, Entity, MentionKind } from '../../../src/core/index.js'
import { findQuotes } from '../../../src/nlp/quotes/index.js'
import { readTableCases } from '../../support/table-cases.js'

interface CaseSpeaker {
  mention: string
  nth?: number
  name?: string
  entityId?: string | null
  anonymous?: boolean
  description?: string
}

interface CaseQuote {
  kind: 'direct' | 'partial' | 'indirect'
  text?: string
  segments?: string[]
  speaker?: CaseSpeaker | null
  /** null: the quote has no cue (a credit line, a continued quote). */
  cue?: string | null
}

interface CaseEntity {
  id: string
  type: Entity['type']
  name: string
  aliases?: string[]
  descriptions?: string[]
  mentions: { text: string; nth?: number; kind: MentionKind }[]
}

interface Case {
  name: string
  text: string
  entities?: CaseEntity[]
  quotes: CaseQuote[]
}

const cases = readTableCases<Case>(import.meta.url)

/** Offset of the nth occurrence of `words` in `text`. */
function at(text: string, words: string, nth = 0): number {
  let from = -1
  for (let i = 0; i <= nth; i++) {
    from = text.indexOf(words, from + 1)
    if (from < 0) throw new Error(`"${words}" (#${nth}) not in the case text`)
  }
  return from
}

function blocksOf(text: string): Block[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({
    kind: 'paragraph' as const,
    start: m.index,
    end: m.index + m[0].length,
  }))
}

function entitiesOf(text: string, list: CaseEntity[] = []): Entity[] {
  return list.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    descriptions: e.descriptions ?? [],
    mentions: e.mentions.map((m) => {
      const start = at(text, m.text, m.nth)
      return { start, end: start + m.text.length, text: m.text, kind: m.kind }
    }),
  }))
}

describe('findQuotes', () => {
  test('every table file has cases', () => {
    expect(cases.length).toBeGreaterThan(40)
  })

  test.each(cases)('%s', (_name, c) => {
    const { text } = c
    const quotes = findQuotes({
      text,
      blocks: blocksOf(text),
      sentences: [],
      entities: entitiesOf(text, c.entities),
    })
    const summary = quotes.map((q) => ({
      kind: q.kind,
      segments: (q.segments ?? [q]).map((s) => text.slice(s.start, s.end)),
      speaker: q.speaker?.mention
        ? text.slice(q.speaker.mention.start, q.speaker.mention.end)
        : null,
      cue: q.cue?.text,
    }))
    expect(summary.length, JSON.stringify(summary, null, 1)).toBe(c.quotes.length)
    c.quotes.forEach((want, i) => {
      const got = quotes[i]!
      expect(got.kind).toBe(want.kind)
      expect(summary[i]!.segments).toEqual(want.segments ?? [want.text])
      expect(text.slice(got.start, got.end)).toBe(
        got.segments ? text.slice(got.start, got.end) : got.text,
      )
      if (want.cue === null) expect(got.cue).toBeUndefined()
      else if (want.cue !== undefined) {
        expect(got.cue?.text).toBe(want.cue)
        expect(text.slice(got.cue!.start, got.cue!.end)).toBe(want.cue)
      }
      if (want.speaker === null) expect(got.speaker).toBeUndefined()
      if (want.speaker) {
        const sp = got.speaker
        expect(sp?.mention).toEqual({
          start: at(text, want.speaker.mention, want.speaker.nth),
          end: at(text, want.speaker.mention, want.speaker.nth) + want.speaker.mention.length,
        })
        if (want.speaker.name !== undefined) expect(sp?.name).toBe(want.speaker.name)
        // entityId null: a speaker the cast does not hold ("his lawyers" are not he)
        if (want.speaker.entityId === null) expect(sp?.entityId).toBeUndefined()
        else if (want.speaker.entityId !== undefined)
          expect(sp?.entityId).toBe(want.speaker.entityId)
        else if (c.entities === undefined) expect(sp?.entityId).toBeUndefined()
        if (want.speaker.anonymous !== undefined) expect(sp?.anonymous).toBe(want.speaker.anonymous)
        if (want.speaker.description !== undefined)
          expect(sp?.description).toBe(want.speaker.description)
      }
      expect(got.confidence).toBeGreaterThan(0)
      expect(got.confidence).toBeLessThanOrEqual(1)
    })
  })
})
