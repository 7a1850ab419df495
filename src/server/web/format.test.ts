import { describe, expect, test } from 'vitest'
import { formatDate, thousands } from './format.js'

describe('format', () => {
  const intl = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  test.each(
    Array.from({ length: 12 }, (_, m) =>
      new Date(Date.UTC(2019, m, 1 + m * 2, 23, 30)).toISOString(),
    ),
  )('formatDate(%s) is what Intl writes', (iso) => {
    expect(formatDate(iso)).toBe(intl.format(Date.parse(iso)))
  })
  test.each(['', 'not a date'])('formatDate(%j) is empty', (iso) => {
    expect(formatDate(iso)).toBe('')
  })
  test.each([0, 7, 999, 1000, 12345, 1234567, -4321, 12.5, 1234.5])('thousands(%d)', (n) => {
    expect(thousands(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }))
  })
})
