import { describe, expect, test } from 'vitest'
import { unmark } from '../../../test/nlp/cast/markup.js'
import { splitSentences } from '../sentences/index.js'
import { tokenize } from '../tokens/index.js'
import { buildCast, createCastIndex } from './index.js'

const { text, mentions } = unmark(
  '[French|M] President [Emmanuel Macron|P] met [German|M] Chancellor [Olaf Scholz|P] in [Berlin|L]. ' +
    "[Macron|P]'s chief of staff [Alexis Kohler|P] took notes for the [Élysée|O]. " +
    'A spokeswoman, [Anne Martin|P], said talks went well. ' +
    'Later the German chancellor spoke. Then the French leader spoke, and his aide did too. ' +
    'She said nothing.',
)
const tokens = tokenize(text)
const sentences = splitSentences(text, tokens)
const { entities } = buildCast({ text, tokens, sentences, mentions })
const cast = createCastIndex(text, sentences, entities, tokens)
const span = (phrase: string, occurrence = 0): [number, number] => {
  let at = -1
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1)
  if (at < 0) throw new Error(`no "${phrase}" in the text`)
  return [at, at + phrase.length]
}
const nameOf = (start: number, end: number): string | undefined => cast.resolve(start, end)?.name

describe('createCastIndex', () => {
  test.each([
    ['Kohler (a name the cast already has)', 'Alexis Kohler', 0, 'Alexis Kohler'],
    ['a surname written anew', 'Scholz', 0, 'Olaf Scholz'],
    ['a role by place', 'the German chancellor', 0, 'Olaf Scholz'],
    ['a class word', 'the French leader', 0, 'Emmanuel Macron'],
    ['a possessive role', "Macron's chief of staff", 0, 'Alexis Kohler'],
    ['a pronoun by gender', 'She', 0, 'Anne Martin'],
  ])('resolves %s', (_why, phrase, occurrence, expected) => {
    const [start, end] = span(phrase, occurrence)
    expect(nameOf(start, end)).toBe(expected)
  })

  test('entityAt finds the innermost mention covering an offset', () => {
    const [start] = span('Kohler')
    expect(cast.entityAt(start)?.name).toBe('Alexis Kohler')
    expect(cast.entityAt(span('took')[0])).toBeUndefined()
  })

  test('salientBefore picks the salient person of a gender', () => {
    const [start] = span('She')
    expect(cast.salientBefore(start, { gender: 'female' })?.name).toBe('Anne Martin')
    expect(cast.salientBefore(start, { gender: 'male' })?.name).toBe('Emmanuel Macron')
  })

  test('facts tell gender and roles', () => {
    const scholz = entities.find((e) => e.name === 'Olaf Scholz')!
    expect(cast.facts(scholz.id)).toMatchObject({
      gender: 'male',
      roles: [{ head: 'chancellor', place: 'Germany' }],
    })
  })

  test('words that name nobody resolve to nothing', () => {
    const [start, end] = span('talks')
    expect(cast.resolve(start, end)).toBeUndefined()
  })
})
