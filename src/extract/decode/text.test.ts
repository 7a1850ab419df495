import { describe, expect, test } from 'vitest'
import { decodeText } from './index.js'

// Plain-text dumps (extract/text) decode through decodeText: no <meta> prescan.

describe('decodeText on text dumps', () => {
  test.each([
    ['UTF-8', Buffer.from('Café – “quoted”', 'utf8'), 'Café – “quoted”', 'utf-8'],
    ['UTF-8 with a BOM', Buffer.from('\uFEFFCafé', 'utf8'), 'Café', 'utf-8'],
    [
      'UTF-16LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]),
      'Café',
      'utf-16le',
    ],
  ])('%s', (_name, bytes, text, charset) => {
    expect(decodeText(bytes)).toMatchObject({ text, charset })
  })

  test('invalid UTF-8 falls back to a single-byte charset, not replacement characters', () => {
    // "Café déjà vu" in windows-1252: é is 0xE9, à is 0xE0 — invalid as UTF-8.
    const bytes = Buffer.from([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75, 0x20, 0x61, 0x6e,
      0x64, 0x20, 0x6d, 0x6f, 0x72, 0x65, 0x20, 0x74, 0x65, 0x78, 0x74,
    ])
    const { text } = decodeText(bytes)
    expect(text).toBe('Café déjà vu and more text')
  })

  test('a declared charset wins', () => {
    const bytes = Buffer.from([0x80, 0x20, 0x35])
    expect(decodeText(bytes, { contentType: 'text/plain; charset=windows-1252' }).text).toBe('€ 5')
  })

  test('a string passes through without its BOM', () => {
    expect(decodeText('\uFEFFHello').text).toBe('Hello')
  })
})
