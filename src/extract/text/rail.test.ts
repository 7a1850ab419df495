import { describe, expect, test } from 'vitest'
import { splitLines } from './lines.js'
import { findRails } from './rail.js'

const parse = (text: string, free: (i: number) => boolean = () => true) => {
  const lines = splitLines(text)
  return findRails(lines, free).map((r) => ({
    header: r.header === undefined ? undefined : lines[r.header]!.text,
    teasers: r.teasers.map(({ lines: _, ...t }) => t),
  }))
}

describe('findRails', () => {
  test('a headed rail with and without captions', () => {
    const text = [
      'Read next',
      'A heron on a post',
      'Herons return to the estuary',
      'Counts of herons have risen for the third year in a row, the survey…',
      'New bridge opens to walkers',
      'The footbridge over the river opened on Monday after two years of…',
      'About us',
    ].join('\n')
    expect(parse(text)).toEqual([
      {
        header: 'Read next',
        teasers: [
          {
            caption: 'A heron on a post',
            title: 'Herons return to the estuary',
            excerpt: 'Counts of herons have risen for the third year in a row, the survey…',
          },
          {
            title: 'New bridge opens to walkers',
            excerpt: 'The footbridge over the river opened on Monday after two years of…',
          },
        ],
      },
    ])
  })

  test('a headed list of headlines without excerpts', () => {
    const text =
      'Most Read\nTown hall clock stops after 150 years\nNew bus timetable starts next week\n© 2024'
    expect(parse(text)).toEqual([
      {
        header: 'Most Read',
        teasers: [
          { title: 'Town hall clock stops after 150 years' },
          { title: 'New bus timetable starts next week' },
        ],
      },
    ])
  })

  test('a headless run needs two teasers', () => {
    const one =
      'Herons return\nCounts of herons have risen for the third year in a row, the survey…'
    expect(parse(one)).toEqual([])
    const two = `${one}\nBridge opens\nThe footbridge over the river opened on Monday after two years of…`
    expect(parse(two)).toHaveLength(1)
  })

  test('prose paragraphs that end in an ellipsis are not a rail', () => {
    const text = [
      'It began with a letter that arrived too late… The keeper had already packed his books.',
      'He had kept the light for thirty-one years, through storms and calms alike…',
      'The letter asked him to stay one more winter, and he read it twice…',
    ].join('\n')
    expect(parse(text)).toEqual([])
  })

  test('a headless run uses only the lines the classifier left free', () => {
    const text = [
      'Herons return to the estuary',
      'Counts of herons have risen for the third year in a row, the survey…',
      'New bridge opens to walkers',
      'The footbridge over the river opened on Monday after two years of…',
    ].join('\n')
    expect(parse(text)).toHaveLength(1)
    expect(parse(text, (i) => i !== 1)).toEqual([])
  })
})
