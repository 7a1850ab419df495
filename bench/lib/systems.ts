/**
 * The systems the extraction benchmark compares, each a function from a page to its body text:
 * Lede, Readability on linkedom (the peer for HTML pages), and the whole dump (the peer for
 * plain-text pages, where there is no markup for Readability to read).
 */
import { Readability } from '@mozilla/readability'
import { DOMParser } from 'linkedom'
import { decodeHtml, decodeText } from '../../src/extract/decode/index.js'
import { extractHtml } from '../../src/extract/html/index.js'
import type { ParserName } from '../../src/extract/html/index.js'
import { extractArticle } from '../../src/index.js'
import type { BenchPage } from './pages.js'

export type SystemName = 'lede' | 'readability' | 'dump'

export interface SystemOptions {
  /** Lede on HTML with this parser instead of the default (for decision 0010's measurements). */
  parser?: ParserName
}

export function makeSystem(name: SystemName, opts: SystemOptions = {}): (p: BenchPage) => string {
  switch (name) {
    case 'lede':
      return (p) => {
        const options = { format: p.format, ...(p.url !== undefined && { url: p.url }) }
        const r =
          opts.parser !== undefined && p.format === 'html'
            ? extractHtml(p.bytes, { ...options, parser: opts.parser })
            : extractArticle(p.bytes, options)
        return r.ok ? r.value.text : ''
      }
    case 'readability':
      return (p) => {
        const html = decodeHtml(p.bytes).text
        try {
          const doc = new DOMParser().parseFromString(html, 'text/html')
          return new Readability(doc as never).parse()?.textContent ?? ''
        } catch {
          return ''
        }
      }
    case 'dump':
      return (p) => decodeText(p.bytes).text
  }
}
