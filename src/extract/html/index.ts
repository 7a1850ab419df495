/** @module extract/html: HTML page → Article. (stub; issue 2 builds it) */
import type { ExtractOptions, ExtractResult } from '../types.js'
import { err } from '../../core/index.js'

export function extractHtml(_input: string | Uint8Array, _options: ExtractOptions): ExtractResult {
  return err({ code: 'no_main_content', message: 'HTML extraction is not built yet' })
}
