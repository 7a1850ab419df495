/**
 * Charset labels → one canonical name that iconv-lite decodes, following the WHATWG Encoding
 * standard's label table where it matters (latin1 and ascii mean windows-1252, gb2312 means GBK,
 * ks_c_5601-1987 means EUC-KR/windows-949, shift_jis means windows-31j).
 */
import iconv from 'iconv-lite'

/** WHATWG-style aliases whose decoder differs from iconv-lite's reading of the same label. */
const ALIASES: Record<string, string> = {
  // Browsers decode every Latin-1/ASCII label as windows-1252 (its C1 range holds “ ” ‘ ’ – — €).
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gbk',
  gb_2312: 'gbk',
  'gb_2312-80': 'gbk',
  chinese: 'gbk',
  csgb2312: 'gbk',
  'iso-ir-58': 'gbk',
  'x-gbk': 'gbk',
  cp936: 'gbk',
  'shift-jis': 'windows-31j',
  shift_jis: 'windows-31j',
  sjis: 'windows-31j',
  'x-sjis': 'windows-31j',
  ms_kanji: 'windows-31j',
  ms932: 'windows-31j',
  cp932: 'windows-31j',
  csshiftjis: 'windows-31j',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'ks_c_5601-1989': 'cp949',
  ksc5601: 'cp949',
  ksc_5601: 'cp949',
  korean: 'cp949',
  'windows-949': 'cp949',
  'x-euc-kr': 'cp949',
  'big5-hkscs': 'big5hkscs',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  'x-mac-roman': 'macintosh',
  mac: 'macintosh',
  'x-user-defined': 'windows-1252',
  // A page that says it is UTF-16 in a <meta> was decoded as ASCII to read that: it is not UTF-16.
  'utf-16': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
}

/**
 * The canonical charset for a label (`"ISO-8859-1"`, `'"utf8"'`, `Shift_JIS`), or undefined when
 * no decoder knows it.
 * @example normalizeCharset('Latin1') // 'windows-1252'
 */
export function normalizeCharset(label: string | undefined | null): string | undefined {
  if (label === undefined || label === null) return undefined
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase()
  if (l === '') return undefined
  const mapped = ALIASES[l] ?? l
  if (mapped === 'utf-8') return 'utf-8'
  return iconv.encodingExists(mapped) ? mapped : undefined
}

/** Is this a single-byte legacy charset (every byte sequence is valid in it)? */
export function isSingleByteCharset(charset: string): boolean {
  return /^(windows-12\d\d|windows-874|iso-8859-\d+|koi8-[ru]|macintosh|ibm\d+|cp\d{3,4})$/.test(
    charset,
  )
}

/** Decodes bytes in a charset that normalizeCharset returned; never throws. */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return utf8(bytes)
  try {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset)
  } catch {
    return utf8(bytes)
  }
}

/** UTF-8 with U+FFFD for invalid sequences and the BOM dropped. */
export function utf8(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
}
