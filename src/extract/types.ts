/** Options and results of extraction, shared by the HTML and text extractors. */
import type { Article, Result } from '../core/index.js'

export type InputFormatOption = 'html' | 'text' | 'auto'

export interface ExtractOptions {
  /** The page's URL, used for relative links, URL dates and the canonical URL. */
  url?: string
  /** `auto` (the default) decides by content, not by file name. */
  format?: InputFormatOption
  /** The HTTP Content-Type header, when the page was fetched: its charset wins over the page's. */
  contentType?: string
  /** Diagnostics; a no-op unless given. */
  debug?: (message: string) => void
}

export type ExtractFailureCode = 'no_main_content' | 'invalid_input' | 'unsupported_content'

export interface ExtractFailure {
  code: ExtractFailureCode
  message: string
  /** What was found anyway (metadata, furniture), when anything was. */
  partial?: Article
}

export type ExtractResult = Result<Article, ExtractFailure>
