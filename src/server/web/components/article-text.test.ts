import { describe, expect, test } from 'vitest'
import type { Annotations, Quote } from '../../../core/index.js'
import { ANNOTATIONS_SCHEMA } from '../../../core/index.js'
import { highlightRanges } from './article-text.js'

// Hand-made: "Ann Lee said the bridge would open. “It will,” she said."
const TEXT = 'Ann Lee said the bridge would open. “It will,” she said.'
const ann = (quotes: Quote[]): Annotations => ({
  schema: ANNOTATIONS_SCHEMA,
  sentences: [],
  entities: [],
  quotes,
})
const speaker = (mention?: { start: number; end: number }) => ({
  name: 'Ann Lee',
  anonymous: false,
  entityId: 'e1',
  ...(mention && { mention }),
})

describe('highlightRanges', () => {
  test.each([
    {
      name: 'a direct quote is marked fully and labelled with its speaker',
      quote: { kind: 'direct', start: 37, end: 44, speaker: speaker({ start: 47, end: 50 }) },
      reported: undefined,
      label: true,
    },
    {
      name: 'reported speech with its speaker named beside it is marked lightly, without a label',
      quote: { kind: 'indirect', start: 13, end: 34, speaker: speaker({ start: 0, end: 7 }) },
      reported: true,
      label: false,
    },
    {
      name: 'reported speech whose speaker is not in the text keeps the label',
      quote: { kind: 'indirect', start: 13, end: 34, speaker: speaker() },
      reported: true,
      label: true,
    },
  ] as const)('$name', ({ quote, reported, label }) => {
    const q: Quote = {
      id: 'q1',
      text: TEXT.slice(quote.start, quote.end),
      confidence: 0.9,
      ...quote,
      kind: quote.kind,
    }
    const ranges = highlightRanges(TEXT, ann([q]), { e1: 'person:ann-lee' })
    const marked = ranges.find((r) => r.kind === 'quote')!
    expect(marked.reported).toBe(reported)
    expect(marked.label !== undefined).toBe(label)
    if (label) expect(marked.label?.href).toBe('/entity/person%3Aann-lee')
    const linked = ranges.find((r) => r.kind === 'speaker')
    expect(linked?.href ?? null).toBe(q.speaker?.mention ? '/entity/person%3Aann-lee' : null)
  })
})
