/**
 * `lede serve [--db PATH] [--port N]`: the reader, the JSON API and the Atom feeds over the
 * corpus, with background ingestion for the add-a-feed form and POST /api/v1/ingest. The port is
 * `--port`, else `PORT`, else 8080. `--demo` first loads the bundled Wikinews slice into an empty
 * database (what `npm start` does). SIGINT/SIGTERM stop it gracefully.
 */
import { availableParallelism } from 'node:os'
import type { Command } from 'commander'
import { z } from 'zod'
import { LedeError } from '../../core/index.js'
import type { Logger } from '../../log/index.js'
import { createLogger } from '../../log/index.js'
import type { RunningServer } from '../../server/index.js'
import {
  createApp,
  createIngestService,
  DEMO_ATTRIBUTION,
  demoMarker,
  loadDemo,
  startServer,
} from '../../server/index.js'
import type { Store } from '../../store/index.js'
import { commandConfig, dbOption, openCorpus } from '../corpus.js'
import { VERSION } from '../version.js'
import type { CommandIo } from './ingest.js'

export interface ServeFlags {
  db?: string
  port?: string
  host?: string
  demo?: boolean
  cacheTtl?: string
  /** Run until this signal aborts instead of until SIGINT/SIGTERM (tests). */
  signal?: AbortSignal
  /** Called once the server listens (tests). */
  onListening?: (server: RunningServer) => void
}

const PortSchema = z.coerce.number().int().min(0).max(65535)

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the reader, the JSON API (/api/v1) and Atom feeds over the corpus')
    .addOption(dbOption())
    .option('--port <n>', 'the port (default: $PORT, else 8080)')
    .option('--host <address>', 'the address to listen on (default 127.0.0.1)')
    .option('--demo', 'load the bundled Wikinews demo corpus first, if not done yet')
    .option(
      '--cache-ttl <ms>',
      'reuse finished pages for this long; 0 turns the cache off',
      '10000',
    )
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServe(flags)
    })
}

/** The port: `--port`, else `PORT`, else 8080. */
export function resolvePort(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const raw = flag ?? env['PORT'] ?? '8080'
  const parsed = PortSchema.safeParse(raw)
  if (!parsed.success) throw new LedeError('invalid_input', `not a port number: ${raw}`)
  return parsed.data
}

function parseTtl(raw: string): number {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0)
    throw new LedeError('invalid_input', `--cache-ttl: not a number of ms: ${raw}`)
  return n
}

/** Runs `lede serve`; resolves with the exit code when the server has stopped. */
export async function runServe(
  flags: ServeFlags,
  io: Pick<CommandIo, 'stdout' | 'stderr' | 'env'> = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  },
): Promise<number> {
  const config = commandConfig(flags, io.env)
  const port = resolvePort(flags.port, io.env)
  const logger = createLogger({ level: config.log.level, base: { command: 'serve' } })
  const store = openCorpus(config)
  const pipeline = { analyzer: `lede/${VERSION}`, keepRaw: config.ingest.keepRaw }
  let demo = false
  try {
    if (flags.demo) {
      demo = true
      if (demoMarker(config.database.path) === undefined) {
        const ok = await loadDemoCorpus(store, config.database.path, pipeline, io, logger)
        if (!ok) return 1
      }
    }
  } catch (e) {
    await store.close()
    throw e
  }
  // Made on the first ingestion, so that serving starts without loading the fetch stack.
  const client = async () =>
    (await import('../../ingest/index.js')).createHttpClient({
      allowPrivate: config.ingest.allowPrivate,
    })
  const ingest = createIngestService({ store, client, pipeline })
  const app = createApp(
    { store, logger, ingest, ...(demo && { notice: DEMO_ATTRIBUTION }) },
    {
      version: VERSION,
      ...(flags.cacheTtl !== undefined && { cacheTtlMs: parseTtl(flags.cacheTtl) }),
    },
  )
  let server: RunningServer
  try {
    server = await startServer(app, {
      port,
      ...(flags.host !== undefined && { hostname: flags.host }),
    })
  } catch (e) {
    await ingest.close()
    await store.close()
    const code = (e as { code?: string }).code
    if (code === 'EADDRINUSE')
      throw new LedeError('conflict', `port ${port} is in use: pass --port or set PORT`)
    throw e
  }
  const shown = server.url.replace(/^http:\/\/(127\.0\.0\.1|\[::1\])(?=:)/, 'http://localhost')
  io.stdout.write(`Lede is serving ${demo ? 'the demo corpus ' : ''}at ${shown}\n`)
  flags.onListening?.(server)

  await new Promise<void>((resolve) => {
    if (flags.signal) {
      if (flags.signal.aborted) resolve()
      else flags.signal.addEventListener('abort', () => resolve(), { once: true })
      return
    }
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  logger.info({ event: 'server_stopping' }, 'stopping')
  await server.close()
  await ingest.close()
  await store.close()
  return 0
}

async function loadDemoCorpus(
  store: Store,
  dbPath: string,
  pipeline: { analyzer: string; keepRaw: boolean },
  io: Pick<CommandIo, 'stderr'>,
  logger: Logger,
): Promise<boolean> {
  const tty = io.stderr.isTTY === true
  io.stderr.write(
    'First start: reading the bundled Wikinews demo corpus through the pipeline (served on a loopback port as HTML pages and RSS feeds rendered by Lede)…\n',
  )
  const started = performance.now()
  let lastDraw = 0
  let failed = 0
  const { summary, total } = await loadDemo({
    store,
    dbPath,
    // Analysis on one worker thread per core, as `lede ingest` does: the first start is the one
    // long wait of the quick start.
    pipeline: { ...pipeline, workers: availableParallelism() },
    onProgress: (done, of, outcome) => {
      if (outcome.outcome === 'failed') failed++
      const now = performance.now()
      // Redraw at most 10 times a second on a terminal; log a line every 5 s otherwise.
      if (done < of && now - lastDraw < (tty ? 100 : 5000)) return
      lastDraw = now
      const s = (now - started) / 1000
      if (tty)
        io.stderr.write(
          `\r${bar(done / of)} ${done}/${of} articles · ${s.toFixed(0)} s · ${failed} failed `,
        )
      else logger.info({ event: 'ingest_progress', documents: done, total: of, failed }, 'demo')
    },
  })
  if (tty) io.stderr.write('\n')
  io.stderr.write(
    `Read ${summary.documents} of ${total} demo articles in ${summary.seconds.toFixed(1)} s: ${summary.inserted} stored, ${summary.unchanged} already there, ${summary.failed} failed.\n`,
  )
  return !summary.stopped
}

const bar = (fraction: number, width = 30) => {
  const n = Math.round(Math.min(1, Math.max(0, fraction)) * width)
  return `[${'#'.repeat(n)}${'-'.repeat(width - n)}] ${String(Math.round(fraction * 100)).padStart(3)}%`
}
