/**
 * @module extract: a raw page (HTML bytes or a plain-text dump) → a clean Article.
 * `extractArticle` never throws: unusable input is a Result with a snake_case code.
 */
import { err } from '../core/index.js'
import { detectFormat } from './detect.js'
import { extractHtml } from './html/index.js'
import { extractText } from './text/index.js'
import type { ExtractOptions, ExtractResult } from './types.js'

/** Turns a page into an Article. Never throws. */
export function extractArticle(
  input: string | Uint8Array,
  options: ExtractOptions = {},
): ExtractResult {
  try {
    const format =
      options.format === undefined || options.format === 'auto'
        ? detectFormat(input)
        : options.format
    if (format === 'binary') {
      return err({ code: 'unsupported_content', message: 'input looks binary, not HTML or text' })
    }
    if (format === 'feed') {
      return err({
        code: 'unsupported_content',
        message: 'input is a feed, not an article page: use `lede ingest` for feeds',
      })
    }
    return format === 'html' ? extractHtml(input, options) : extractText(input, options)
  } catch (e) {
    // A bug in an extractor must not crash a caller that ingests thousands of pages.
    return err({
      code: 'invalid_input',
      message: `extraction failed: ${e instanceof Error ? e.message : String(e)}`,
    })
  }
}

export { detectFormat } from './detect.js'
export type * from './types.js'
