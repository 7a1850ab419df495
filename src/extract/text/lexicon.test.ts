import { describe, expect, test } from 'vitest'
import { commentMeta, furnitureWorded, isRailHeader, kindByWording } from './lexicon.js'

describe('kindByWording', () => {
  test.each([
    ['Share this @harbourtimes', 'share'],
    ['Facebook', 'share'],
    ['Teilen', 'share'],
    ['Compartir', 'share'],
    ['Advertisement', 'ad'],
    ['Anzeige', 'ad'],
    ['You May Also Like', 'related'],
    ['Auch interessant', 'related'],
    ['Leia também:', 'related'],
    ['Sign up for our daily newsletter', 'newsletter'],
    ['© 2024 Harbour Times. All rights reserved.', 'footer'],
    ['Datenschutz', 'footer'],
    ['By Maria Okafor', 'byline'],
    ['Von Jana Keller', 'byline'],
    ['Photo: Damian Dovarganes, AP', 'caption'],
    ['[ 167 comments ]', 'comments'],
  ])('%j is %s', (line, kind) => {
    expect(kindByWording(line)?.kind).toBe(kind)
  })

  test.each([
    'Residents of Portwen voted on Tuesday to rebuild the sea wall.',
    'What was saved',
    'Bye for now, said the mayor.',
  ])('%j has no furniture wording', (line) => {
    expect(kindByWording(line)).toBeUndefined()
  })
})

describe('isRailHeader', () => {
  test.each([
    ['You May Also Like', true],
    ['Related Stories', true],
    ['Read more:', true],
    ['Lesen Sie auch', true],
    ['À lire aussi', true],
    ['Related research shows that beavers slow floods, said the ecologist.', false],
  ])('%j → %s', (line, expected) => {
    expect(isRailHeader(line)).toBe(expected)
  })
})

describe('furnitureWorded and commentMeta', () => {
  test.each([
    ['Share this @harbourtimes', true],
    ['Sign up for our newsletter', true],
    ['© 2024 Harbour Times', true],
    ['By Maria Okafor', true],
    ['Residents of Portwen voted on Tuesday to rebuild the sea wall.', false],
  ])('furnitureWorded(%j) is %s', (line, yes) => {
    expect(furnitureWorded(line)).toBe(yes)
  })

  test.each([
    ['Alex on September 17, 2018 at 6:34 am said:', true],
    ['3 days ago', true],
    ['Posted 2 Hours Ago by Sam', true],
    ['Reply', true],
    ['vor 3 Stunden', true],
    ['The mayor said: the wall will be rebuilt.', false],
    ['Long ago the harbour froze.', false],
  ])('commentMeta(%j) is %s', (line, yes) => {
    expect(commentMeta(line)).toBe(yes)
  })
})
