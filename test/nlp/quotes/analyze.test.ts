/**
 * Quotes through the whole pipeline: `analyze()` hands the cast to the quote finder, so speakers
 * come back resolved to cast members. Uses the cast's hand-written fixture article.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import type { Article } from '../../../src/core/index.js'
import { analyze } from '../../../src/nlp/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const article = JSON.parse(
  readFileSync(join(here, '../cast/fixtures/macron-scholz.article.json'), 'utf8'),
) as Article

test('analyze() resolves quote speakers to the cast', () => {
  const { annotations } = analyze(article)
  const { text } = article
  const byId = new Map(annotations.entities.map((e) => [e.id, e]))
  const got = annotations.quotes.map((q) => ({
    kind: q.kind,
    text: q.text,
    mention: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null,
    entity: q.speaker?.entityId === undefined ? null : byId.get(q.speaker.entityId)?.name,
    cue: q.cue?.text,
  }))
  expect(got).toEqual([
    {
      kind: 'indirect',
      text: "Macron's chief of staff Alexis Kohler joined them",
      mention: 'Deutsche Presse-Agentur (dpa)',
      entity: 'Deutsche Presse-Agentur',
      cue: 'according to',
    },
    {
      kind: 'direct',
      text: 'We agree on the essentials',
      mention: 'the French leader',
      entity: 'Emmanuel Macron',
      cue: 'said',
    },
    {
      kind: 'indirect',
      text: 'his French counterpart had offered €300m for the project, and that talks would resume next week',
      mention: 'The German chancellor',
      entity: 'Olaf Scholz',
      cue: 'said',
    },
  ])
})

test('analyze()’s sentences keep a speaker with a party and state tag whole (Graham, R-S.C., said)', () => {
  const text =
    'Lindsey Graham, R-S.C., said the plan would fail. Rep. Zoe Lofgren, D-Calif., said it would not.'
  const { annotations } = analyze({
    ...article,
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    title: '',
  })
  const got = annotations.quotes.map((q) => [
    q.text,
    q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null,
  ])
  expect(got).toEqual([
    ['the plan would fail', 'Lindsey Graham'],
    ['it would not', 'Rep. Zoe Lofgren'],
  ])
})
