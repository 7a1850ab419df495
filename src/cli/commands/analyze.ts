/**
 * `lede analyze <file|url|->`: prints `{ article, annotations }`. The input is a page (HTML or a
 * plain-text dump, extracted first) or an Article JSON as `lede extract` prints it, so
 * `lede extract page.html | lede analyze -` works too.
 */
import type { Command } from 'commander'
import { Option } from 'commander'
import { ARTICLE_SCHEMA, type Article } from '../../core/index.js'
import { extractArticle } from '../../extract/index.js'
import { analyze } from '../../nlp/index.js'
import { loadInput } from '../input.js'
import { printJson } from '../output.js'

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'extract the article (unless given as Article JSON), then find its sentences, values, cast and quotes; print both as JSON',
    )
    .argument('<input>', 'a file, an http(s) URL, or - for stdin')
    .addOption(
      new Option('--format <format>', 'the input format')
        .choices(['html', 'text', 'article', 'auto'])
        .default('auto'),
    )
    .option('--url <url>', "the page's URL, when the input is a file")
    .option('--pretty', 'indent the JSON', false)
    .action(
      async (
        input: string,
        opts: { format: 'html' | 'text' | 'article' | 'auto'; url?: string; pretty: boolean },
      ) => {
        const loaded = await loadInput(input)
        const given =
          opts.format === 'article' || opts.format === 'auto' ? asArticle(loaded.bytes) : undefined
        if (opts.format === 'article' && given === undefined) {
          process.stderr.write(
            'lede analyze: invalid_input: not an Article JSON (lede.article/1)\n',
          )
          process.exitCode = 1
          return
        }
        if (given !== undefined) {
          printJson(analyze(given), opts.pretty)
          return
        }
        const url = opts.url ?? loaded.url
        const result = extractArticle(loaded.bytes, {
          format: opts.format === 'article' ? 'auto' : opts.format,
          ...(url !== undefined && { url }),
          ...(loaded.contentType !== undefined && { contentType: loaded.contentType }),
        })
        if (!result.ok) {
          process.stderr.write(`lede analyze: ${result.error.code}: ${result.error.message}\n`)
          process.exitCode = 1
          return
        }
        printJson(analyze(result.value), opts.pretty)
      },
    )
}

/** The input as an Article, when it is the JSON `lede extract` prints. */
function asArticle(bytes: Uint8Array): Article | undefined {
  let i = 0
  while (
    i < bytes.length &&
    (bytes[i] === 32 || bytes[i] === 10 || bytes[i] === 13 || bytes[i] === 9)
  )
    i++
  if (bytes[i] !== 123 /* { */) return undefined
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Article>
    if (value.schema !== ARTICLE_SCHEMA || typeof value.text !== 'string') return undefined
    return {
      ...value,
      authors: value.authors ?? [],
      blocks: value.blocks ?? [],
      related: value.related ?? [],
      removed: value.removed ?? [],
      extraction: value.extraction ?? { inputFormat: 'text', method: 'given', confidence: 1 },
    } as Article
  } catch {
    return undefined
  }
}
