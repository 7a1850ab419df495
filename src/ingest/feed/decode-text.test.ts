import iconv from 'iconv-lite'
import { describe, expect, test } from 'vitest'
import { charsetOf, decodeText } from './decode-text.js'

const TEXT = 'Café — naïve “quotes” £5'
const xml = (decl: string, body = TEXT) =>
  `${decl}<rss><channel><title>${body}</title></channel></rss>`
const bytes = (s: string, encoding: string) => new Uint8Array(iconv.encode(s, encoding))
const withBom = (bom: number[], b: Uint8Array) => new Uint8Array([...bom, ...b])

describe('decodeText', () => {
  test.each([
    [
      'UTF-8, declared',
      bytes(xml('<?xml version="1.0" encoding="UTF-8"?>'), 'utf-8'),
      undefined,
      'declaration',
    ],
    ['UTF-8, undeclared', bytes(xml(''), 'utf-8'), undefined, 'default'],
    ['UTF-8 with a BOM', withBom([0xef, 0xbb, 0xbf], bytes(xml(''), 'utf-8')), undefined, 'bom'],
    [
      'UTF-16LE with a BOM',
      withBom([0xff, 0xfe], bytes(xml('<?xml version="1.0" encoding="UTF-16"?>'), 'utf-16le')),
      undefined,
      'bom',
    ],
    [
      'UTF-16BE without a BOM',
      bytes(xml('<?xml version="1.0" encoding="UTF-16"?>'), 'utf-16be'),
      undefined,
      'bom',
    ],
    [
      'windows-1252, declared',
      bytes(xml('<?xml version="1.0" encoding="windows-1252"?>'), 'windows-1252'),
      undefined,
      'declaration',
    ],
    [
      'ISO-8859-1 label on windows-1252 bytes (curly quotes)',
      bytes(xml('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'windows-1252'),
      undefined,
      'declaration',
    ],
    [
      'charset only in the Content-Type',
      bytes(xml(''), 'windows-1252'),
      'application/rss+xml; charset=windows-1252',
      'content-type',
    ],
    [
      'declared UTF-8 but really windows-1252',
      bytes(xml('<?xml version="1.0" encoding="utf-8"?>'), 'windows-1252'),
      undefined,
      'detected',
    ],
    [
      'header says ISO-8859-1, bytes are UTF-8',
      bytes(xml(''), 'utf-8'),
      'text/xml; charset=ISO-8859-1',
      'detected',
    ],
    [
      'declared UTF-16 but single-byte',
      bytes(xml('<?xml version="1.0" encoding="UTF-16"?>'), 'utf-8'),
      undefined,
      'default',
    ],
    [
      'an unknown label',
      bytes(xml('<?xml version="1.0" encoding="x-no-such-charset"?>'), 'utf-8'),
      undefined,
      'detected',
    ],
  ])('%s', (_name, input, contentType, from) => {
    const decoded = decodeText(input, contentType)
    expect(decoded.text).toContain(`<title>${TEXT}</title>`)
    expect(decoded.from).toBe(from)
  })

  test.each([
    ['KOI8-R', 'Новости дня'],
    ['Shift_JIS', '今日のニュース'],
    ['ISO-8859-7', 'Ειδήσεις'],
  ])('declared %s', (encoding, title) => {
    const input = bytes(xml(`<?xml version="1.0" encoding="${encoding}"?>`, title), encoding)
    expect(decodeText(input, undefined).text).toContain(title)
  })

  test('JSON ignores XML declarations and defaults to UTF-8', () => {
    expect(decodeText(bytes('{"t":"Café"}', 'utf-8'), 'application/feed+json', 'json').text).toBe(
      '{"t":"Café"}',
    )
  })
})

test.each([
  ['text/html; charset=UTF-8', 'UTF-8'],
  ['text/xml;charset="iso-8859-1"', 'iso-8859-1'],
  ['application/rss+xml', undefined],
  [undefined, undefined],
])('charsetOf(%s)', (header, charset) => {
  expect(charsetOf(header)).toBe(charset)
})
