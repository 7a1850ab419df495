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
    ['<div class="x"><p>hello</p></div>', 'html'],
    ['Some text, then <div><p>a</p><p>b</p></div> inline markup', 'html'],
    ['How to use the <p> tag\nWrap each paragraph in <p> and close it.', 'text'],
    ['<The Palace: Tale of Jang Noksu>\nA review of the show, in plain text.', 'text'],
    ['\uFEFFHeadline\nBody text of the article.', 'text'],
  ])('%j is %s', (input, expected) => {
    expect(detectFormat(input)).toBe(expected)
  })

  test('UTF-16 text with a BOM is text, not binary', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Headline\nBody.', 'utf16le')])
    expect(detectFormat(le)).toBe('text')
    const be = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('<html><p>x', 'utf16le').swap16(),
    ])
    expect(detectFormat(be)).toBe('html')
  })

  test('bytes with NULs are binary', () => {
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toBe('binary')
  })
})
