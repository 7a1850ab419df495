import { describe, expect, test } from 'vitest'
import { detectFormat } from './detect.js'

describe('detectFormat', () => {
  test.each([
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['junk before\n<html><p>x</p>', 'html'],
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'feed'],
    ['Share this\nA headline\nThe first paragraph of the article.', 'text'],
  ])('%j is %s', (input, expected) => {
    expect(detectFormat(input)).toBe(expected)
  })

  test('bytes with NULs are binary', () => {
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toBe('binary')
  })
})
