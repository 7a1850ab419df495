import { describe, expect, test } from 'vitest'
import { iobToBilou } from './labels.js'
import {
  applyConsistency,
  mentionsFromLabels,
  type TokenMention,
  toEntityMentions,
} from './mentions.js'

const PER = 0
const ORG = 1
const LOC = 2

describe('mentionsFromLabels', () => {
  test('reads spans and types off BILOU labels', () => {
    const labels = iobToBilou(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG'])
    expect(mentionsFromLabels(labels).map((m) => [m.start, m.end, m.type])).toEqual([
      [0, 2, PER],
      [3, 4, LOC],
      [4, 7, ORG],
    ])
  })
})

describe('applyConsistency', () => {
  const m = (start: number, end: number, type: number, confidence: number): TokenMention => ({
    start,
    end,
    type,
    confidence,
  })
  const run = (tokens: string[], mentions: TokenMention[]) =>
    applyConsistency(tokens, mentions, [0, tokens.length]).map((x) => [x.start, x.end, x.type])

  test.each([
    {
      name: 'a surname of a person is a person',
      tokens: ['Peter', 'Blackburn', 'said', '.', 'Blackburn', 'left'],
      mentions: [m(0, 2, PER, 0.99), m(4, 5, ORG, 0.6)],
      want: [
        [0, 2, PER],
        [4, 5, PER],
      ],
    },
    {
      name: 'a confident other type stays',
      tokens: ['Michael', 'Jordan', 'visited', 'Jordan'],
      mentions: [m(0, 2, PER, 0.99), m(3, 4, LOC, 0.97)],
      want: [
        [0, 2, PER],
        [3, 4, LOC],
      ],
    },
    {
      name: 'the same name takes the type with most confidence',
      tokens: ['Ajax', 'won', '.', 'Ajax', 'lost', '.', 'Ajax', 'drew'],
      mentions: [m(0, 1, ORG, 0.8), m(3, 4, ORG, 0.7), m(6, 7, LOC, 0.5)],
      want: [
        [0, 1, ORG],
        [3, 4, ORG],
        [6, 7, ORG],
      ],
    },
    {
      name: 'a missed repeat of a multi-word name is added',
      tokens: ['New', 'York', 'won', '.', 'In', 'New', 'York', 'rain'],
      mentions: [m(0, 2, LOC, 0.95)],
      want: [
        [0, 2, LOC],
        [5, 7, LOC],
      ],
    },
    {
      name: 'a one-word name is not added where the tagger saw none',
      tokens: ['May', 'said', '.', 'In', 'May', 'rain'],
      mentions: [m(0, 1, PER, 0.9)],
      want: [[0, 1, PER]],
    },
  ])('$name', ({ tokens, mentions, want }) => {
    expect(run(tokens, mentions)).toEqual(want)
  })
})

describe('toEntityMentions', () => {
  test('maps token mentions to text offsets', () => {
    const text = 'Dr. Anna Berg, of Acme.'
    const tokens = [
      { start: 0, end: 3, text: 'Dr.' },
      { start: 4, end: 8, text: 'Anna' },
      { start: 9, end: 13, text: 'Berg' },
      { start: 13, end: 14, text: ',' },
      { start: 15, end: 17, text: 'of' },
      { start: 18, end: 22, text: 'Acme' },
      { start: 22, end: 23, text: '.' },
    ]
    const out = toEntityMentions(text, tokens, [
      { start: 1, end: 3, type: PER, confidence: 0.91234 },
      { start: 5, end: 6, type: ORG, confidence: 0.5 },
    ])
    expect(out).toEqual([
      { start: 4, end: 13, type: 'person', text: 'Anna Berg', confidence: 0.912 },
      { start: 18, end: 22, type: 'organization', text: 'Acme', confidence: 0.5 },
    ])
  })
})
