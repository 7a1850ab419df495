/** `lede analyze <file|url|->`: prints `{ article, annotations }`. */
import type { Command } from 'commander'
import { Option } from 'commander'
import { extractArticle } from '../../extract/index.js'
import { analyze } from '../../nlp/index.js'
import { loadInput } from '../input.js'
import { printJson } from '../output.js'

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'extract the article, then find its sentences, cast and quotes; print both as JSON',
    )
    .argument('<input>', 'a file, an http(s) URL, or - for stdin')
    .addOption(
      new Option('--format <format>', 'the input format')
        .choices(['html', 'text', 'auto'])
        .default('auto'),
    )
    .option('--url <url>', "the page's URL, when the input is a file")
    .option('--pretty', 'indent the JSON', false)
    .action(
      async (
        input: string,
        opts: { format: 'html' | 'text' | 'auto'; url?: string; pretty: boolean },
      ) => {
        const loaded = await loadInput(input)
        const url = opts.url ?? loaded.url
        const result = extractArticle(loaded.bytes, {
          format: opts.format,
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
