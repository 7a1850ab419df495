import { describe, expect, test } from 'vitest'
import { isoWeek, parseNumber } from './index.js'

describe('parseNumber', () => {
  test.each([
    ['1,250,000.50', 1250000.5],
    ['3.2 billion', 3.2e9],
    ['5bn', 5e9],
    ['300m', 3e8],
    ['twenty-one', 21],
    ['Ten', 10],
    ['two hundred', 200],
    ['a million', 1e6],
    ['nonsense', undefined],
  ])('%s', (raw, expected) => expect(parseNumber(raw)).toBe(expected))
})

describe('isoWeek', () => {
  test.each([
    [{ y: 2019, m: 1, d: 4 }, '2019-W01'],
    [{ y: 2018, m: 12, d: 31 }, '2019-W01'],
    [{ y: 2021, m: 1, d: 3 }, '2020-W53'],
  ])('%j', (day, expected) => expect(isoWeek(day)).toBe(expected))
})
