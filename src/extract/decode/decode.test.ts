import iconv from 'iconv-lite'
import { describe, expect, test } from 'vitest'
import {
  charsetFromContentType,
  charsetFromMeta,
  decodeHtml,
  decodeText,
  normalizeCharset,
} from './index.js'

const page = (head: string, body: string) =>
  `<html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`

describe('normalizeCharset', () => {
  test.each([
    ['UTF-8', 'utf-8'],
    ['"utf8"', 'utf-8'],
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['iso-8859-2', 'iso-8859-2'],
    ['Shift_JIS', 'windows-31j'],
    ['x-sjis', 'windows-31j'],
    ['GB2312', 'gbk'],
    ['GBK', 'gbk'],
    ['gb18030', 'gb18030'],
    ['EUC-KR', 'cp949'],
    ['ks_c_5601-1987', 'cp949'],
    ['Big5', 'big5'],
    ['koi8-r', 'koi8-r'],
    ['no-such-charset', undefined],
    ['', undefined],
  ])('%s → %s', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected)
  })
})

describe('charset declarations', () => {
  test.each([
    ['text/html; charset=ISO-8859-2', 'iso-8859-2'],
    ['text/html;charset="Shift_JIS"', 'windows-31j'],
    ['text/html', undefined],
  ])('Content-Type %s', (ct, expected) => {
    expect(charsetFromContentType(ct)).toBe(expected)
  })

  test.each([
    ['<meta charset="euc-kr">', 'cp949'],
    ["<meta charset='gb2312'>", 'gbk'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', 'windows-1251'],
    ['<META HTTP-EQUIV=content-type CONTENT="text/html; charset=iso-8859-15">', 'iso-8859-15'],
    ['<meta name="viewport" content="width=device-width">', undefined],
  ])('%s', (head, expected) => {
    expect(charsetFromMeta(Buffer.from(page(head, 'x')))).toBe(expected)
  })

  test('an XML declaration', () => {
    const xhtml = '<?xml version="1.0" encoding="ISO-8859-1"?><html><body>x</body></html>'
    expect(charsetFromMeta(Buffer.from(xhtml))).toBe('windows-1252')
  })

  test('a <meta charset> in the body is not a declaration', () => {
    expect(charsetFromMeta(Buffer.from('<html><body><meta charset="koi8-r"></body></html>'))).toBe(
      undefined,
    )
  })
})

describe('decodeHtml', () => {
  const samples: [string, string, string][] = [
    ['windows-1252', 'windows-1252', '“Smart quotes” – and café, naïve, €5'],
    ['iso-8859-2', 'iso-8859-2', 'Zażółć gęślą jaźń, powiedział prezydent w środę.'],
    ['Shift_JIS', 'windows-31j', '東京都の新しい知事は、火曜日に記者会見を開いた。'],
    ['GBK', 'gbk', '北京时间周二，国家统计局发布了最新的经济数据。'],
    ['EUC-KR', 'cp949', '서울시는 화요일 새로운 교통 정책을 발표했다.'],
    ['windows-1251', 'windows-1251', 'Президент провёл встречу с правительством во вторник.'],
  ]

  test.each(samples)('%s declared in <meta>', (label, canonical, text) => {
    const bytes = iconv.encode(page(`<meta charset="${label}">`, text), label)
    const d = decodeHtml(bytes)
    expect(d).toMatchObject({ charset: canonical, source: 'meta' })
    expect(d.text).toContain(text)
  })

  test.each(samples)('%s declared by HTTP, over a wrong <meta>', (label, canonical, text) => {
    const bytes = iconv.encode(page('<meta charset="utf-8">', text), label)
    const d = decodeHtml(bytes, { contentType: `text/html; charset=${label}` })
    expect(d).toMatchObject({ charset: canonical, source: 'http' })
    expect(d.text).toContain(text)
  })

  test.each([
    ['windows-1252', '“Smart quotes” – and café, naïve, Zoë’s €5 crème brûlée. '.repeat(4)],
    [
      'Shift_JIS',
      '東京都の新しい知事は、火曜日に記者会見を開き、予算案について説明した。'.repeat(3),
    ],
    ['GBK', '北京时间周二，中国国家统计局发布了最新的经济数据，显示增长放缓。'.repeat(3)],
    [
      'EUC-KR',
      '서울시는 화요일 새로운 교통 정책을 발표하고 시민들의 의견을 듣기로 했다. '.repeat(3),
    ],
  ])('%s sniffed when nothing is declared', (label, text) => {
    const d = decodeHtml(iconv.encode(page('', text), label))
    expect(d.source).toBe('sniffed')
    expect(d.text).toContain(text)
  })

  test('a UTF-8 BOM wins and is dropped', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(page('<meta charset="koi8-r">', 'é')),
    ])
    const d = decodeHtml(bytes)
    expect(d).toMatchObject({ charset: 'utf-8', source: 'bom' })
    expect(d.text.startsWith('<html>')).toBe(true)
  })

  test('a UTF-16LE BOM', () => {
    const body = Buffer.from(page('', 'naïve'), 'utf16le')
    const d = decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))
    expect(d.charset).toBe('utf-16le')
    expect(d.text).toContain('naïve')
  })

  test('a stale Latin-1 declaration over UTF-8 bytes reads as UTF-8', () => {
    const d = decodeHtml(Buffer.from(page('<meta charset="iso-8859-1">', 'café – “quoted”')))
    expect(d.charset).toBe('utf-8')
    expect(d.text).toContain('café – “quoted”')
  })

  test('invalid UTF-8 in a UTF-8 page becomes U+FFFD', () => {
    const ok = Buffer.from(page('<meta charset="utf-8">', 'AB'))
    const i = ok.indexOf('AB')
    const bad = Buffer.concat([ok.subarray(0, i + 1), Buffer.from([0xff]), ok.subarray(i + 1)])
    expect(decodeHtml(bad).text).toContain('A\uFFFDB')
  })

  test('strings pass through, without a BOM', () => {
    expect(decodeHtml('\uFEFF<p>x</p>')).toEqual({
      text: '<p>x</p>',
      charset: 'utf-8',
      source: 'string',
    })
  })

  test('decodeText ignores markup declarations', () => {
    const bytes = iconv.encode(
      '<meta charset="koi8-r"> café crème brûlée à la mode, très bien. '.repeat(3),
      'windows-1252',
    )
    expect(decodeText(bytes).text).toContain('café crème brûlée')
  })
})
