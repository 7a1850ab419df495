import { describe, expect, test } from 'vitest'
import { cleanAuthors } from './authors.js'

describe('cleanAuthors', () => {
  test.each([
    [['By Jane Doe'], ['Jane Doe']],
    [['By JANE DOE and John Roe'], ['Jane Doe', 'John Roe']],
    [['Jane Doe, John Roe & Ana Lima'], ['Jane Doe', 'John Roe', 'Ana Lima']],
    [['By Jane Doe, Staff Writer'], ['Jane Doe']],
    [['Staff reporter Jane Doe'], ['Jane Doe']],
    [['Jane Doe | CNN'], ['Jane Doe']],
    [['By Jane Doe - Senior Correspondent'], ['Jane Doe']],
    [['By Jane Doe Updated November 19, 2019 10:35 AM'], ['Jane Doe']],
    [['Jane Doe jane.doe@example.com'], ['Jane Doe']],
    [['Von Katrin Weber'], ['Katrin Weber']],
    [['https://www.facebook.com/janedoe'], []],
    [['Associated Press'], []],
    [['admin'], []],
    [['Jane Doe', 'jane doe'], ['Jane Doe']],
    [['Written by Seán O’Brien and Zoë Martínez-López'], ['Seán O’Brien', 'Zoë Martínez-López']],
    [['By Jane E. Smith'], ['Jane E. Smith']],
    [['By John Y Kim and Ana Lima'], ['John Y Kim', 'Ana Lima']],
    [['Por Ana Gómez y Luis Pérez'], ['Ana Gómez', 'Luis Pérez']],
    [['Di Marco Rossi e Giulia Bianchi'], ['Marco Rossi', 'Giulia Bianchi']],
    [['By Jennifer Senior'], ['Jennifer Senior']],
    [['By Jane Reporter'], ['Jane Reporter']],
    [['By Jane Doe Reporter'], ['Jane Doe']],
    [['By Jane Doe Senior Correspondent'], ['Jane Doe']],
  ])('%j → %j', (raw, expected) => {
    expect(cleanAuthors(raw)).toEqual(expected)
  })

  test('the site name is not an author', () => {
    expect(cleanAuthors(['The Ledger', 'Jane Doe'], 'The Ledger')).toEqual(['Jane Doe'])
  })
})
