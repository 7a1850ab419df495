/**
 * `lede ingest <source…>`: reads sources into the corpus through the pipeline (extract, analyze,
 * link, store, index). A progress bar on a terminal, JSON-line logs otherwise; a summary on stdout.
 * An error on one document is recorded with its code and never stops the run.
 */
import { availableParallelism } from 'node:os'
import type { Readable } from 'node:stream'
import type { Command } from 'commander'
import { Option } from 'commander'
import type { Config } from '../../config/index.js'
import { LedeError } from '../../core/index.js'
import type { FileKind, ReadFilesOptions, ReadProgress } from '../../ingest/files/index.js'
import { readFiles } from '../../ingest/files/index.js'
import type { FeedState, HttpClient, ReadSourcesOptions, SourceEvent } from '../../ingest/index.js'
import {
  classifySource as classifyArgument,
  createHttpClient,
  newFeedState,
  readSource,
  readSources,
  watchFeeds,
} from '../../ingest/index.js'
import type { Logger } from '../../log/index.js'
import { createLogger, logEvent, silentLogger } from '../../log/index.js'
import type { FeedReport } from '../../ingest/index.js'
import type { DocumentOutcome, RunSummary } from '../../pipeline/index.js'
import { createStoryLinker, Pipeline } from '../../pipeline/index.js'
import { commandConfig, dbOption, openCorpus } from '../corpus.js'
import type { ProgressView } from '../progress.js'
import { barView, logView } from '../progress.js'
import { VERSION } from '../version.js'

export interface IngestFlags {
  db?: string
  analyze: boolean
  /** False with `--no-link`: articles are stored with linking pending. */
  link?: boolean
  raw: boolean
  format: 'auto' | 'html' | 'text' | 'jsonl'
  watch?: boolean
  allowPrivate?: boolean
  json?: boolean
  quiet?: boolean
  /** Analysis worker threads; 0 analyses on the main thread. @default one per core */
  workers?: number
}

/** The process streams a command uses; tests pass their own. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WriteStream
  stdin: Readable
  env: NodeJS.ProcessEnv
}

const processIo = (): CommandIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
})

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read sources into the corpus: pages, feeds, sitemaps, OPML lists and sites by URL; WARC archives; HTML pages, text dumps, JSON lines ({url?, html?|text?, title?, …}) and folders; - for stdin',
    )
    .argument('<source...>', 'URLs, files, folders, or - for stdin')
    .addOption(dbOption())
    .option('--no-analyze', 'store articles without analysis (it stays pending)')
    .option(
      '--no-link',
      'store articles without linking them into stories (the next run links those within 14 days of the newest)',
    )
    .option('--no-raw', 'do not keep the raw input of each article')
    .addOption(
      new Option('--format <format>', 'how to read files and stdin')
        .choices(['auto', 'html', 'text', 'jsonl'])
        .default('auto'),
    )
    .option('--watch', 'keep polling feeds on their own intervals')
    .option(
      '--allow-private',
      'allow fetching from loopback and private addresses (tests, intranets)',
    )
    .option('--json', 'print the summary as JSON (the default when stdout is not a terminal)')
    .option('--quiet', 'no progress bar and no logs; only the summary')
    .addOption(
      new Option(
        '--workers <n>',
        'analysis worker threads (default: one per core; 0 analyses on the main thread)',
      ).argParser((v) => {
        const n = Number(v)
        if (!Number.isInteger(n) || n < 0) throw new LedeError('invalid_input', `--workers: ${v}`)
        return n
      }),
    )
    .action(async (sources: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(sources, flags)
    })
}

/** Runs `lede ingest`; returns the exit code. */
export async function runIngest(
  sources: string[],
  flags: IngestFlags,
  io: CommandIo = processIo(),
): Promise<number> {
  const config = commandConfig(flags, io.env)
  for (const arg of sources)
    if (classifyArgument(arg) === 'unsupported')
      throw new LedeError(
        'invalid_input',
        `only http(s) URLs, files, folders and - can be ingested: ${arg}`,
      )
  const tty = io.stderr.isTTY === true && !flags.quiet
  const logger: Logger = flags.quiet
    ? silentLogger()
    : createLogger({ level: tty ? 'error' : config.log.level, base: { command: 'ingest' } })
  const store = openCorpus(config)
  const ac = new AbortController()
  const onSigint = () => ac.abort()
  process.once('SIGINT', onSigint)
  process.once('SIGTERM', onSigint)
  let client: HttpClient | undefined
  let view: ProgressView | undefined
  let pipelineRef: Pipeline | undefined
  try {
    let read: ReadProgress | undefined
    const state = { documents: 0, errors: 0 }
    view = flags.quiet ? undefined : tty ? barView(io.stderr) : logView(logger)
    const pipeline = new Pipeline({
      store,
      ...(flags.analyze === false && { analyze: false as const }),
      analyzer: `lede/${VERSION}`,
      keepRaw: flags.raw !== false && config.ingest.keepRaw,
      ...(flags.link !== false && {
        linker: createStoryLinker(),
        onWarmUp: (r) => {
          logEvent(logger, { event: 'linker_warmed', ...r, seconds: round2(r.seconds) })
          if (tty && r.remembered + r.linked > 0)
            io.stderr.write(
              `linker: ${n(r.remembered)} stored articles since ${r.since.slice(0, 10)} in ${r.seconds.toFixed(1)} s${r.linked > 0 ? ` (${n(r.linked)} linked now)` : ''}\n`,
            )
        },
      }),
      signal: ac.signal,
      onDocument: (outcome, doc) => {
        state.documents++
        if (outcome.outcome === 'failed' || outcome.failedStages.length > 0) state.errors++
        logOutcome(logger, outcome, doc?.source.location, doc?.url)
        view?.update(state, read)
      },
      // Analysis on every core: ~20 ms of CPU per article, the costliest stage (decision 0065).
      workers: flags.analyze === false ? 0 : (flags.workers ?? availableParallelism()),
    })
    pipelineRef = pipeline
    const getClient = (): HttpClient => {
      client ??= createHttpClient({
        allowPrivate: flags.allowPrivate === true || config.ingest.allowPrivate,
        // The fetch log: every HTTP exchange, redirects and retries included.
        onFetch: (r) => {
          store.logFetch(r).catch(() => undefined)
        },
      })
      return client
    }
    const networkOptions = (): ReadSourcesOptions => ({
      client: getClient(),
      // A feed Lede already follows is polled with a conditional GET, and yields new entries only.
      feedState: async (url) => (await store.getSource(url))?.pollState as FeedState | undefined,
      readFile: (arg) => readFiles([arg], fileOptions),
    })
    const fileOptions: ReadFilesOptions = {
      format: flags.format,
      stdin: io.stdin,
      // Feeds, OPML lists and web archives found in folders go to the network sources' readers.
      delegate: (path: string, _kind: FileKind) => readSource(path, networkOptions()),
      onProgress: (p) => {
        read = p
        view?.update(state, read)
      },
    }
    const local = sources.every((a) => ['file', 'stdin'].includes(classifyArgument(a)))
    const events: AsyncIterable<SourceEvent> = local
      ? readFiles(sources, fileOptions)
      : readSources(sources, networkOptions())
    const onFeed = (f: FeedReport) => logFeed(logger, f)
    const summary = await pipeline.run(events, { onFeed })
    if (flags.watch && !summary.stopped) {
      const followed = (await store.listSources()).map(
        (s) => (s.pollState as FeedState | undefined) ?? newFeedState(s.url, s.intervalSeconds),
      )
      if (followed.length === 0)
        throw new LedeError('invalid_input', '--watch: no feeds to follow; ingest a feed URL first')
      logger.info({ event: 'watch_started', feeds: followed.length }, 'watching feeds')
      add(
        summary,
        await pipeline.run(watchFeeds(followed, { ...networkOptions(), signal: ac.signal }), {
          onFeed,
        }),
      )
      summary.stopped = false
    }
    view?.stop()
    view = undefined
    printSummary(summary, config, flags, io, logger)
    if (summary.stopped) return 1
    return summary.documents > 0 && summary.failed === summary.documents ? 1 : 0
  } finally {
    view?.stop()
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigint)
    await client?.close()
    await pipelineRef?.close()
    await store.close()
  }
}

/** Adds a second run's counts to the first's. */
function add(into: RunSummary, more: RunSummary): void {
  for (const k of ['documents', 'inserted', 'unchanged', 'revised', 'failed', 'seconds'] as const)
    into[k] += more[k]
  for (const [code, n] of Object.entries(more.errors))
    into.errors[code] = (into.errors[code] ?? 0) + n
  for (const k of Object.keys(more.stageMs) as (keyof RunSummary['stageMs'])[])
    into.stageMs[k] += more.stageMs[k]
}

function logFeed(logger: Logger, f: FeedReport): void {
  logEvent(logger, {
    event: 'feed_polled',
    url: f.state.url,
    outcome: f.outcome,
    newEntries: f.newEntries,
    documents: f.documents,
    failedEntries: f.failedEntries,
    ...(f.state.nextFetchAt !== undefined && { nextFetchAt: f.state.nextFetchAt }),
    ...(f.error !== undefined && { code: f.error.code, message: f.error.message }),
  })
}

function logOutcome(logger: Logger, o: DocumentOutcome, location = 'unknown', url?: string): void {
  if (o.outcome === 'failed') {
    logEvent(logger, {
      event: 'document_failed',
      stage: o.stage,
      code: o.code,
      location,
      ...(url !== undefined && { url }),
      message: o.message,
    })
    return
  }
  logEvent(logger, {
    event: 'document_stored',
    outcome: o.outcome,
    id: o.id,
    location,
    ...(url !== undefined && { url }),
    ...(o.failedStages.length > 0 && { failedStages: o.failedStages }),
  })
}

const n = (x: number) => x.toLocaleString('en-US')
const round2 = (x: number) => Math.round(x * 100) / 100

function printSummary(
  s: RunSummary,
  config: Config,
  flags: IngestFlags,
  io: CommandIo,
  logger: Logger,
): void {
  const perSecond = s.seconds > 0 ? Math.round((s.documents / s.seconds) * 10) / 10 : 0
  logEvent(logger, {
    event: 'ingest_done',
    documents: s.documents,
    inserted: s.inserted,
    unchanged: s.unchanged,
    revised: s.revised,
    failed: s.failed,
    errors: s.errors,
    seconds: Math.round(s.seconds * 100) / 100,
    perSecond,
    stopped: s.stopped,
  })
  const db = config.database.url !== undefined ? '(DATABASE_URL)' : config.database.path
  if (flags.json || io.stdout.isTTY !== true) {
    const { stageMs, ...rest } = s
    const ms = Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, Math.round(v)]))
    io.stdout.write(
      `${JSON.stringify({ ...rest, seconds: Math.round(s.seconds * 100) / 100, perSecond, stageMs: ms, db })}\n`,
    )
    return
  }
  const lines = [
    `${s.stopped ? 'stopped after' : 'ingested'} ${n(s.documents)} documents in ${s.seconds.toFixed(1)} s (${n(perSecond)}/s): ${n(s.inserted)} new, ${n(s.revised)} revised, ${n(s.unchanged)} unchanged, ${n(s.failed)} failed`,
    ...Object.entries(s.errors)
      .sort((a, b) => b[1] - a[1])
      .map(([code, count]) => `  ${code}: ${n(count)}`),
    `corpus: ${db}`,
  ]
  io.stdout.write(`${lines.join('\n')}\n`)
}
