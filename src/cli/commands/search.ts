/**
 * `lede search "query"`: full-text search over the corpus (BM25, "phrases", AND/OR/NOT, prefix*,
 * field:word) with filters, highlighted snippets and paging; `--quotes` searches what people said
 * ("what did X say about Y": `--quotes --speaker X "Y"`). JSON lines when stdout is not a terminal.
 */
import type { Command } from 'commander'
import { Option } from 'commander'
import type { SearchHit, SearchQuery, StoredQuote } from '../../store/index.js'
import { MATCH_END, MATCH_START } from '../../store/index.js'
import { commandConfig, dbOption, openCorpus } from '../corpus.js'
import type { CommandIo } from './ingest.js'

export interface SearchFlags {
  db?: string
  source?: string
  from?: string
  to?: string
  language?: string
  entity?: string
  speaker?: string
  hasQuotes?: boolean
  quotes?: boolean
  limit: string
  cursor?: string
  json?: boolean
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description(
      'search the corpus: words, "phrases", AND / OR / NOT, prefix*, title:word; empty lists the latest',
    )
    .argument('[query]', 'the query', '')
    .addOption(dbOption())
    .option('--source <source>', 'a site name, host or source id')
    .option('--from <date>', 'published on or after (ISO 8601)')
    .option('--to <date>', 'published on or before (ISO 8601; a date includes the day)')
    .option('--language <code>', 'a language code, e.g. en')
    .option(
      '--entity <name>',
      'articles that mention this person, organisation or place (name or key)',
    )
    .option('--speaker <name>', 'articles that quote this person (name or key)')
    .option('--has-quotes', 'only articles with quotes')
    .option('--quotes', 'search quotes instead of articles')
    .addOption(new Option('--limit <n>', 'results per page (at most 100)').default('20'))
    .option('--cursor <cursor>', 'the next page, from a previous search')
    .option('--json', 'JSON lines (the default when stdout is not a terminal)')
    .action(async (query: string, flags: SearchFlags) => {
      process.exitCode = await runSearch(query, flags)
    })
}

/** Runs `lede search`; returns the exit code. */
export async function runSearch(
  q: string,
  flags: SearchFlags,
  io: Pick<CommandIo, 'stdout' | 'env'> = { stdout: process.stdout, env: process.env },
): Promise<number> {
  const store = openCorpus(commandConfig(flags, io.env), true)
  try {
    const query: SearchQuery = {
      q,
      limit: Number.parseInt(flags.limit, 10) || 20,
      ...(flags.source !== undefined && { source: flags.source }),
      ...(flags.from !== undefined && { from: flags.from }),
      ...(flags.to !== undefined && { to: flags.to }),
      ...(flags.language !== undefined && { language: flags.language }),
      ...(flags.entity !== undefined && { entity: flags.entity }),
      ...(flags.speaker !== undefined && { speaker: flags.speaker }),
      ...(flags.hasQuotes && { hasQuotes: true }),
      ...(flags.cursor !== undefined && { cursor: flags.cursor }),
    }
    const json = flags.json === true || io.stdout.isTTY !== true
    const page = flags.quotes ? await store.searchQuotes(query) : await store.search(query)
    if (json) {
      for (const item of page.items) io.stdout.write(`${JSON.stringify(item)}\n`)
      if (page.nextCursor) io.stdout.write(`${JSON.stringify({ nextCursor: page.nextCursor })}\n`)
      return 0
    }
    const out: string[] = []
    for (const item of page.items)
      out.push(
        flags.quotes
          ? showQuote(item as StoredQuote & { snippet: string })
          : showHit(item as SearchHit),
      )
    if (page.items.length === 0) out.push('no results')
    if (page.nextCursor) out.push(`more: --cursor ${page.nextCursor}`)
    io.stdout.write(`${out.join('\n\n')}\n`)
    return 0
  } finally {
    await store.close()
  }
}

/** Bold for matched words on a terminal. */
const mark = (s: string) =>
  s.replaceAll(MATCH_START, '\x1b[1m').replaceAll(MATCH_END, '\x1b[22m').replace(/\s+/g, ' ')

function showHit(h: SearchHit): string {
  const meta = [h.siteName ?? h.host, h.publishedAt?.slice(0, 10), h.id].filter(Boolean).join(' · ')
  return [
    `${h.title ?? '(untitled)'}`,
    `  ${meta}`,
    ...(h.url ? [`  ${h.url}`] : []),
    ...(h.snippet ? [`  ${mark(h.snippet)}`] : []),
  ].join('\n')
}

function showQuote(q: StoredQuote & { snippet: string }): string {
  const who = q.anonymous
    ? `${q.speakerName ?? 'unnamed source'} (anonymous)`
    : (q.speakerName ?? 'unattributed')
  const where = [q.siteName, q.publishedAt?.slice(0, 10), q.articleTitle]
    .filter(Boolean)
    .join(' · ')
  return [`“${mark(q.snippet)}”`, `  — ${who}`, `  ${where} (${q.articleId})`].join('\n')
}
