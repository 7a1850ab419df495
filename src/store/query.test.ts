import { describe, expect, test } from 'vitest'
import { compileQuery } from './query.js'

describe('compileQuery', () => {
  test.each([
    ['', undefined],
    ['fed', '"fed"'],
    ['Fed rates', '("Fed" AND "rates")'],
    ['"interest rates" fed', '("interest rates" AND "fed")'],
    ['“curly phrase”', '"curly phrase"'],
    ['a OR b', '("a" OR "b")'],
    ['a AND b', '("a" AND "b")'],
    ['a NOT b', '("a" NOT "b")'],
    ['a -b -c', '(("a" NOT "b") NOT "c")'],
    ['covid-19 vaccine', '("covid-19" AND "vaccine")'],
    ['U.S. economy', '("U.S." AND "economy")'],
    ['tax*', '"tax"*'],
    ['title:fed', 'title : "fed"'],
    ['author:fed', '"author:fed"'],
    ['(a OR b) c', '(("a" OR "b") AND "c")'],
    ['a OR (b', '("a" OR "b")'],
    ['a ) b', '("a" AND "b")'],
    ['say "he said ""no"""', '("say" AND "he said " AND "no")'],
    ['& — !', undefined],
    ['and or not', '("and" AND "or" AND "not")'],
  ])('%j → %s', (input, expected) => {
    const r = compileQuery(input)
    expect(r.ok && r.value).toBe(expected)
  })

  test.each(['NOT a', '-a', 'a OR NOT b', '-a -b'])('%j is refused: nothing positive', (input) => {
    const r = compileQuery(input)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('invalid_query')
  })
})
