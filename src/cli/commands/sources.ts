/** `lede sources`: the feeds and sites the corpus follows, with their health. */
import type { Command } from 'commander'
import type { FeedSource } from '../../store/index.js'
import { commandConfig, dbOption, openCorpus } from '../corpus.js'
import type { CommandIo } from './ingest.js'

export interface SourcesFlags {
  db?: string
  json?: boolean
}

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description(
      'list the feeds the corpus follows, with their health (last fetch, last error, items)',
    )
    .addOption(dbOption())
    .option('--json', 'JSON lines (the default when stdout is not a terminal)')
    .action(async (flags: SourcesFlags) => {
      process.exitCode = await runSources(flags)
    })
}

/** A source's health in one word: ok, failing (errors in a row), never fetched. */
export function health(s: FeedSource): 'ok' | 'failing' | 'new' {
  if (s.lastFetchAt === undefined) return 'new'
  return s.failures > 0 ? 'failing' : 'ok'
}

/** Runs `lede sources`; returns the exit code. */
export async function runSources(
  flags: SourcesFlags,
  io: Pick<CommandIo, 'stdout' | 'env'> = { stdout: process.stdout, env: process.env },
): Promise<number> {
  const store = openCorpus(commandConfig(flags, io.env), true)
  try {
    const sources = await store.listSources()
    if (flags.json === true || io.stdout.isTTY !== true) {
      for (const s of sources) io.stdout.write(`${JSON.stringify({ ...s, health: health(s) })}\n`)
      return 0
    }
    if (sources.length === 0) {
      io.stdout.write('no feeds yet: lede ingest <feed URL> adds one\n')
      return 0
    }
    const rows = sources.map((s) => [
      health(s),
      String(s.itemCount),
      s.lastFetchAt?.slice(0, 16).replace('T', ' ') ?? '-',
      s.lastError ? `${s.lastError.code} (${s.failures}×)` : '-',
      s.nextFetchAt?.slice(0, 16).replace('T', ' ') ?? '-',
      s.title ? `${s.title} <${s.url}>` : s.url,
    ])
    const head = ['health', 'items', 'last fetch', 'last error', 'next fetch', 'feed']
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    const line = (r: string[]) =>
      r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
    io.stdout.write(`${[line(head), ...rows.map(line)].join('\n')}\n`)
    return 0
  } finally {
    await store.close()
  }
}
