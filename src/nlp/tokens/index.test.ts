import { describe, expect, test } from 'vitest'
import { tokenize } from './index.js'

describe('tokenize', () => {
  test.each([
    ['Mr. Macron’s U.S. trip', ['Mr.', 'Macron', '’s', 'U.S.', 'trip']],
    ["He didn't go.", ['He', 'did', "n't", 'go', '.']],
    ["O'Brien's all-rounder", ["O'Brien", "'s", 'all-rounder']],
    ['$1,000.50 (3.5%)', ['$', '1,000.50', '(', '3.5', '%', ')']],
    ['US$5m at 6am', ['US$', '5m', 'at', '6am']],
    ['won 6-4 on 2019-01-04', ['won', '6-4', 'on', '2019-01-04']],
    ['J. K. Rowling', ['J.', 'K.', 'Rowling']],
    ['No. 10 and said no.', ['No.', '10', 'and', 'said', 'no', '.']],
    ['wait... then… go -- now', ['wait', '...', 'then', '…', 'go', '--', 'now']],
    ['"Why?" he asked', ['"', 'Why', '?', '"', 'he', 'asked']],
    ['see https://example.com/a.html.', ['see', 'https://example.com/a.html', '.']],
    ["the Joneses' car", ['the', 'Joneses', "'", 'car']],
    ['Erdoğan’s 10:30 a.m.', ['Erdoğan', '’s', '10:30', 'a.m.']],
    [
      'Graham, R-S.C., and Israel (D-N.Y) said',
      ['Graham', ',', 'R-S.C.', ',', 'and', 'Israel', '(', 'D-N.Y', ')', 'said'],
    ],
    ['Lee, D-Calif., on D-Day.', ['Lee', ',', 'D-Calif.', ',', 'on', 'D-Day', '.']],
  ])('%s', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected)
  })

  test('offsets point into the text', () => {
    const text = '  Mr. Smith, 45,\nleft.'
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  test('a range tokenizes only that part', () => {
    expect(tokenize('one two three', 4, 7).map((t) => t.text)).toEqual(['two'])
  })
})
