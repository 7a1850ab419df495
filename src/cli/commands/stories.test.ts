import { describe, expect, test } from 'vitest'
import { explain } from './stories.js'

describe('explain: why an article is in its story, in a line', () => {
  test('shared words, names, the protagonist and the runner-up', () => {
    const line = explain({
      storyId: 's1',
      similarity: 0.42,
      reason: {
        kind: 'similar',
        terms: ['arrested', 'Chargers'],
        entities: ['Vincent Jackson'],
        quotes: [],
        protagonist: 'Vincent Jackson',
        runnerUp: { storyId: 's2', similarity: 0.12 },
      },
    })
    expect(line).toBe(
      'joined at 0.42; shared words: arrested, Chargers; shared names: Vincent Jackson; about Vincent Jackson; next best: story s2 at 0.12',
    )
  })

  test('an article that opened its story because the closest one is about someone else says so', () => {
    const reason = {
      kind: 'new' as const,
      terms: [],
      entities: [],
      quotes: [],
      protagonist: 'Jamal Williams',
      runnerUp: { storyId: 's1', similarity: 0.18, protagonist: 'Vincent Jackson' },
    }
    expect(explain({ storyId: 'w1', similarity: 0.18, reason })).toBe(
      'opened the story (about Jamal Williams; story s1, at 0.18, is about Vincent Jackson)',
    )
    const { protagonist: _, ...plain } = reason.runnerUp
    expect(
      explain({ storyId: 'w1', similarity: 0.18, reason: { ...reason, runnerUp: plain } }),
    ).toBe('opened the story')
  })
})
