/** The port of the reference quote scorer, on a hand-made document whose figures are worked out by hand. */
import { describe, expect, test } from 'vitest'
import { type Doc, scoreQuotes } from '../../bench/score-quotes.js'

const text = 'x'.repeat(40)
const gold = new Map<string, Doc>([
  [
    'd1',
    {
      id: 'd1',
      text,
      quotes: [
        { start: 0, end: 10, type: 'direct', speaker_start: 20, speaker_end: 22 },
        { start: 10, end: 20, type: 'indirect', speaker_start: 30, speaker_end: 32 },
      ],
    },
  ],
])
const pred = new Map<string, Doc>([
  [
    'd1',
    {
      id: 'd1',
      quotes: [
        { start: 0, end: 9, type: 'direct', speaker_start: 21, speaker_end: 25 }, // Jaccard 0.9, speaker overlaps
        { start: 25, end: 35, type: 'indirect', speaker_start: null, speaker_end: null }, // matches nothing
      ],
    },
  ],
])

describe('scoreQuotes', () => {
  test('all attributions', () => {
    const s = scoreQuotes(gold, pred)
    expect(s.content_exact).toMatchObject({ tp: 0, fp: 2, fn: 2 })
    expect(s.content_jaccard50).toMatchObject({ tp: 1, fp: 1, fn: 1, P: 50, R: 50, F1: 50 })
    expect(s.content_overlap).toMatchObject({ tp: 1, fp: 1, fn: 1 })
    expect(s.speaker_on_matched).toEqual({ matched: 1, lenient_acc: 100, strict_acc: 0 })
    expect(s.attribution_end_to_end).toMatchObject({ tp: 1, fp: 1, fn: 1, F1: 50 })
  })

  test('--types drops typed predictions of other types before matching', () => {
    const s = scoreQuotes(gold, pred, { types: ['direct', 'mixed'] })
    expect(s.gold_quotes).toBe(1)
    expect(s.predicted_quotes).toBe(1)
    expect(s.content_jaccard50).toMatchObject({ tp: 1, fp: 0, fn: 0, F1: 100 })
  })
})
