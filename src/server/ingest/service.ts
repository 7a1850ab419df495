/**
 * @module server/ingest/service: background ingestion for the reader and the API. A job reads one
 * source argument (a page, a feed, a site's home page, a sitemap) through ingest/'s readSources
 * and runs every document through the pipeline, keeping counts a page can show as progress. A
 * document posted as HTML or text is processed at once instead. Feeds met on the way are recorded
 * as sources with their health. Jobs live in memory: a restart forgets them, not their articles.
 */
import { randomUUID } from 'node:crypto'
import type { RawDocument } from '../../core/index.js'
import type { HttpClient, SourceEvent as NetworkEvent } from '../../ingest/index.js'
import type { DocumentOutcome, Linker, PipelineOptions, RunSummary } from '../../pipeline/index.js'
import type { FeedSource, Store } from '../../store/index.js'

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

/** One background ingestion, as a page or the API shows it. */
export interface IngestJob {
  id: string
  /** The URL being read. */
  input: string
  /** `feed` when the URL is to be followed as a source. */
  kind: 'url' | 'feed'
  state: JobState
  /** ISO 8601. */
  createdAt: string
  finishedAt?: string
  /** Documents seen so far (pages, entries, failures). */
  documents: number
  inserted: number
  unchanged: number
  failed: number
  /** Entries a feed announced, once known: the total for a progress bar. */
  expected?: number
  /** The latest failures, newest last (at most 10). */
  errors: { code: string; message: string; url?: string }[]
  /** The first articles stored (at most 20), to link to. */
  articleIds: string[]
}

/**
 * The ingest and pipeline modules (HTTP client, feed parsers, extraction, NLP) are loaded on first
 * use: a reader that only serves starts in a fraction of the time (docs/decisions/0093).
 */
const stages = () =>
  Promise.all([import('../../ingest/index.js'), import('../../pipeline/index.js')]).then(
    ([ingest, pipeline]) => ({ ...ingest, ...pipeline }),
  )

export interface IngestServiceOptions {
  store: Store
  /** The HTTP client, or a function that makes it on first use (closed by `close()`). */
  client: HttpClient | (() => HttpClient | Promise<HttpClient>)
  /** Passed to each job's Pipeline (analyzer, linker, extractor …). */
  pipeline?: Omit<PipelineOptions, 'store' | 'onDocument' | 'signal'>
  /**
   * Link what is stored into stories, copies and related lists with the pipeline's StoryLinker —
   * one for the service's life, made and warmed from the store on first use — unless `pipeline`
   * brings its own linker. @default true
   */
  link?: boolean
  /** Jobs run at once; more wait in line. @default 2 */
  concurrency?: number
  /** Finished jobs kept for display. @default 50 */
  keep?: number
  now?: () => Date
}

/** Runs and remembers ingestion jobs. */
export interface IngestService {
  /** Starts reading a URL in the background; `follow` records it as a source (a feed). */
  submit(request: { url: string; follow?: boolean }): IngestJob
  /** Runs one posted document through the pipeline now. */
  processDocument(doc: RawDocument): Promise<DocumentOutcome>
  get(id: string): IngestJob | undefined
  /** Newest first. */
  list(): IngestJob[]
  /** Calls `listener` whenever an article is stored (caches of the corpus listen). */
  subscribe(listener: () => void): () => void
  /** Stops running jobs and waits for them. */
  close(): Promise<void>
}

const MAX_ERRORS = 10
const MAX_IDS = 20

export function createIngestService(options: IngestServiceOptions): IngestService {
  const { store } = options
  let made: Promise<HttpClient> | undefined
  const client = () => {
    const c = options.client
    made ??= Promise.resolve(typeof c === 'function' ? c() : c)
    return made
  }
  const now = options.now ?? (() => new Date())
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const keep = options.keep ?? 50
  const jobs = new Map<string, IngestJob>()
  const queue: IngestJob[] = []
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>()
  let closed = false
  const listeners = new Set<() => void>()
  let linker: Promise<Linker | undefined> | undefined
  /** The pipeline options of every job and posted document, with the service's linker. */
  const pipelineOptions = async () => {
    linker ??=
      options.link === false || options.pipeline?.linker !== undefined
        ? Promise.resolve(undefined)
        : stages().then((s) => s.createStoryLinker())
    const l = await linker
    return { ...options.pipeline, ...(l && { linker: l }) }
  }
  const changed = (outcome: DocumentOutcome) => {
    if (outcome.outcome === 'inserted' || outcome.outcome === 'revised')
      for (const l of listeners) l()
  }

  const pump = () => {
    while (!closed && running.size < concurrency && queue.length > 0) {
      const job = queue.shift()!
      const abort = new AbortController()
      const done = run(job, abort.signal).finally(() => {
        running.delete(job.id)
        prune()
        pump()
      })
      running.set(job.id, { abort, done })
    }
  }

  const prune = () => {
    const finished = [...jobs.values()].filter((j) => j.finishedAt !== undefined)
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.id)
  }

  const run = async (job: IngestJob, signal: AbortSignal): Promise<void> => {
    job.state = 'running'
    try {
      const summary = await ingestUrls({
        urls: [job.input],
        follow: job.kind === 'feed',
        store,
        client: await client(),
        pipeline: await pipelineOptions(),
        signal,
        onDocument: (outcome) => {
          count(job, outcome)
          changed(outcome)
        },
        onExpected: (n) => {
          job.expected = (job.expected ?? 0) + n
        },
      })
      job.state = summary.stopped ? 'cancelled' : 'done'
      if (job.documents > 0 && job.failed === job.documents && job.inserted === 0)
        job.state = 'failed'
    } catch (e) {
      job.state = 'failed'
      pushError(job, { code: 'internal', message: e instanceof Error ? e.message : String(e) })
    } finally {
      job.finishedAt = now().toISOString()
    }
  }

  return {
    submit({ url, follow = false }) {
      const job: IngestJob = {
        id: randomUUID(),
        input: url,
        kind: follow ? 'feed' : 'url',
        state: 'queued',
        createdAt: now().toISOString(),
        documents: 0,
        inserted: 0,
        unchanged: 0,
        failed: 0,
        errors: [],
        articleIds: [],
      }
      jobs.set(job.id, job)
      if (closed) {
        job.state = 'cancelled'
        job.finishedAt = job.createdAt
        return job
      }
      queue.push(job)
      pump()
      return job
    },
    async processDocument(doc) {
      const { Pipeline } = await stages()
      const outcome = await new Pipeline({ ...(await pipelineOptions()), store }).process(doc)
      changed(outcome)
      return outcome
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: (id) => jobs.get(id),
    list: () => [...jobs.values()].reverse(),
    async close() {
      closed = true
      for (const job of queue.splice(0)) {
        job.state = 'cancelled'
        job.finishedAt = now().toISOString()
      }
      for (const r of running.values()) r.abort.abort()
      await Promise.allSettled([...running.values()].map((r) => r.done))
      // A client made here is closed here; one passed in belongs to the caller.
      if (made && typeof options.client === 'function') await (await made).close()
    },
  }
}

function count(job: IngestJob, outcome: DocumentOutcome): void {
  job.documents++
  if (outcome.outcome === 'failed') {
    job.failed++
    pushError(job, { code: outcome.code, message: outcome.message })
    return
  }
  if (outcome.outcome === 'unchanged') job.unchanged++
  else job.inserted++
  if (job.articleIds.length < MAX_IDS && !job.articleIds.includes(outcome.id))
    job.articleIds.push(outcome.id)
}

function pushError(job: IngestJob, e: IngestJob['errors'][number]): void {
  job.errors.push(e)
  if (job.errors.length > MAX_ERRORS) job.errors.shift()
}

/** One run over URLs: what {@link ingestUrls} needs. */
export interface IngestUrlsOptions {
  urls: string[]
  /** Record each URL as a followed source (a feed) first. */
  follow: boolean
  store: Store
  client: HttpClient
  pipeline?: Omit<PipelineOptions, 'store' | 'onDocument' | 'signal'>
  /** Link into stories with a StoryLinker of this run's own, unless `pipeline` has a linker. @default true */
  link?: boolean
  signal?: AbortSignal
  onDocument?: (outcome: DocumentOutcome) => void
  /** Called with the number of new entries each feed announces (for a progress total). */
  onExpected?: (entries: number) => void
  /** Pages fetched at once. @default 8 */
  concurrency?: number
}

/**
 * Reads URLs (pages, feeds, sites, sitemaps) and runs every document through the pipeline;
 * feeds met on the way that are followed sources get their health saved.
 */
export async function ingestUrls(o: IngestUrlsOptions): Promise<RunSummary> {
  const { store } = o
  const { Pipeline, createStoryLinker, newFeedState, readSources } = await stages()
  const followed: FeedSource[] = []
  if (o.follow)
    for (const url of o.urls) followed.push(await store.upsertSource({ url, kind: 'feed' }))
  const pipeline = new Pipeline({
    ...o.pipeline,
    ...(o.pipeline?.linker === undefined && o.link !== false && { linker: createStoryLinker() }),
    store,
    ...(o.signal && { signal: o.signal }),
    ...(o.onDocument && { onDocument: o.onDocument }),
  })
  const events = readSources(o.urls, {
    client: o.client,
    concurrency: o.concurrency ?? 8,
    feedState: async (url) => {
      const known = await store.getSource(url)
      if (!known) return undefined
      return {
        ...newFeedState(url, known.intervalSeconds),
        failures: known.failures,
        ...(known.etag !== undefined && { etag: known.etag }),
        ...(known.lastModified !== undefined && { lastModified: known.lastModified }),
      }
    },
  })
  try {
    return await pipeline.run(toPipelineEvents(events, store, followed, o.onExpected))
  } finally {
    await pipeline.close()
  }
}

/**
 * The network events as the pipeline takes them: documents tagged with their source's id (so the
 * store counts its items), errors with where they happened, and feed reports saved as the
 * source's health rather than passed on.
 */
async function* toPipelineEvents(
  events: AsyncIterable<NetworkEvent>,
  store: Store,
  followed: FeedSource[],
  onExpected: ((entries: number) => void) | undefined,
) {
  const sourceIds = new Map<string, string>()
  for (const f of followed) sourceIds.set(f.url, f.id)
  for await (const ev of events) {
    if (ev.type === 'feed') {
      const { state, info, outcome } = ev.feed
      if (outcome === 'ok' && ev.feed.newEntries > 0) onExpected?.(ev.feed.newEntries)
      const known = sourceIds.get(state.url) ?? (await store.getSource(state.url))?.id
      if (known === undefined) continue
      await store.updateSourceHealth(known, {
        ...(info?.title !== undefined && { title: info.title }),
        ...(state.etag !== undefined && { etag: state.etag }),
        ...(state.lastModified !== undefined && { lastModified: state.lastModified }),
        ...(state.lastFetchAt !== undefined && { lastFetchAt: state.lastFetchAt }),
        ...(state.lastOkAt !== undefined && { lastOkAt: state.lastOkAt }),
        ...(state.nextFetchAt !== undefined && { nextFetchAt: state.nextFetchAt }),
        intervalSeconds: state.intervalSeconds,
        failures: state.failures,
        lastError: state.lastError ?? null,
      })
      continue
    }
    if (ev.type === 'error') {
      yield ev
      continue
    }
    const doc = ev.document
    const sourceId = sourceIds.get(doc.source.location)
    // The store counts a source's items through `source.sourceId` (its SourceRef); a RawDocument's
    // source has no such field, so it is carried on the same object the pipeline hands over.
    yield {
      type: 'document' as const,
      document: sourceId === undefined ? doc : { ...doc, source: { ...doc.source, sourceId } },
    }
  }
}
