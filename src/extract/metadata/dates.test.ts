import { describe, expect, test } from 'vitest'
import { dateFromUrl, normalizeDate } from './dates.js'

describe('normalizeDate', () => {
  test.each([
    ['2019-11-18T14:32:00Z', '2019-11-18T14:32:00Z'],
    ['2019-11-18T09:32:00-05:00', '2019-11-18T09:32:00-05:00'],
    ['2019-11-18T09:32:00.000-0500', '2019-11-18T09:32:00-05:00'],
    ['2019-11-18T09:32:00+00:00', '2019-11-18T09:32:00Z'],
    ['2019-11-18 09:32', '2019-11-18T09:32:00'],
    ['2019-11-18', '2019-11-18'],
    ['20191118', '2019-11-18'],
    ['Mon, 18 Nov 2019 14:32:00 GMT', '2019-11-18T14:32:00Z'],
    ['18 November 2019', '2019-11-18'],
    ['November 18, 2019', '2019-11-18'],
    ['Nov. 18, 2019 9:32 AM EST', '2019-11-18T09:32:00-05:00'],
    ['November 18, 2019 at 9:32 pm', '2019-11-18T21:32:00'],
    ['Published: November 18, 2019', '2019-11-18'],
    ['Updated 12 February 2024', '2024-02-12'],
    ['1574087520', '2019-11-18T14:32:00Z'],
    ['2019-02-30', undefined],
    ['not a date', undefined],
    ['', undefined],
    ['Tuesday', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected)
  })
})

describe('dateFromUrl', () => {
  test.each([
    ['https://example.com/2019/11/18/story-slug/', '2019-11-18'],
    ['https://example.com/news/2019-11-18-story', '2019-11-18'],
    ['https://example.com/a/20191118/story.html', '2019-11-18'],
    ['https://example.com/2019/11/story', undefined],
    ['https://example.com/2019/13/45/story', undefined],
    ['not a url', undefined],
  ])('%s → %j', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected)
  })
})
