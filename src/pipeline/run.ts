/**
 * @module pipeline/run: RawDocument → extract → analyze → link → store (and index), one document
 * at a time. Each stage's outcome is recorded per article; an error on one document is recorded
 * with a code and never stops the run. Idempotent: a document already stored is recognised by its
 * raw bytes before extraction, or by its content before analysis, and skipped.
 */
import type { AnalyzedArticle, Annotations, Article, RawDocument } from '../core/index.js'
import { isLedeError } from '../core/index.js'
import type { ExtractOptions, ExtractResult } from '../extract/index.js'
import { extractArticle } from '../extract/index.js'
import type { FeedReport, SourceEvent, SourceRef } from '../ingest/index.js'
import { analyze as analyzeArticle } from '../nlp/index.js'
import type {
  ArticleId,
  ArticleLinks,
  ArticleWrite,
  BatchOutcome,
  EntityKey,
  StageName,
  StageState,
  Store,
  SourceRef as StoreSourceRef,
} from '../store/index.js'
import { articleId, articleUrl, contentHash, entityKey } from '../store/index.js'
import { applyHints, documentKey, isMetadataOnly, metadataArticle, rawHashOf } from './documents.js'
import { AnalyzePool } from './analyze-pool.js'
import type { Linker } from './linker.js'
import type { LinkerWarmedEvent } from '../log/index.js'

/** What happened to one document. */
export type DocumentOutcome =
  | { outcome: 'inserted' | 'unchanged' | 'revised'; id: ArticleId; failedStages: StageName[] }
  | { outcome: 'failed'; stage: StageName; code: string; message: string }

/** Milliseconds spent per stage over a run (for `bench:ingest` and the summary). */
export type StageTimes = Record<'read' | 'extract' | 'analyze' | 'link' | 'store', number>

export interface RunSummary {
  documents: number
  inserted: number
  unchanged: number
  revised: number
  failed: number
  /** Failures by code, e.g. `{ no_main_content: 3 }`; stage failures of stored articles included. */
  errors: Record<string, number>
  stageMs: StageTimes
  seconds: number
  /** True when the run was stopped by its signal before the source ended. */
  stopped: boolean
}

export interface PipelineOptions {
  store: Store
  /** The extractor. @default extractArticle */
  extract?: (input: Uint8Array | string, options: ExtractOptions) => ExtractResult
  /** The analyzer, or false to store articles with analysis pending (`--no-analyze`). @default analyze */
  analyze?: ((article: Article) => AnalyzedArticle) | false
  /** The analyzer's name and version, stored with the annotations. */
  analyzer?: string
  /** The link stage; without one, articles are stored with linking pending. */
  linker?: Linker
  /** Called once the linker was warmed up from the stored articles of its window. */
  onWarmUp?: (report: WarmUpReport) => void
  /**
   * How often (ms) a run looks for user corrections logged meanwhile (by `lede story move`, the
   * reader …), so a long `--watch` run respects them. @default 2000 (a primary-key range read,
   * microseconds; a correction made by hand can wait two seconds)
   */
  correctionsPollMs?: number
  /** Keep the raw input (compressed) with each article. @default true */
  keepRaw?: boolean
  /** Called after every document (progress bars, logs). */
  onDocument?: (outcome: DocumentOutcome, doc: RawDocument | undefined) => void
  /** Stops the run between documents. */
  signal?: AbortSignal
  /**
   * Articles written per commit during a run (each still atomic on its own). @default 1000
   * A commit also happens once a group is `batchMs` old, so a crash loses at most about a second
   * of work whatever the size: only fast sources (headlines, ~0.1 ms each) fill a group of 1000,
   * and for them 1000 took ~17% less CPU per headline than 200 (fewer WAL page writes and FTS
   * flushes; 30k UCI headlines, 4 alternating runs, docs/decisions/0065-ingest-speed.md).
   */
  batchSize?: number
  /** The longest a stored article waits for its commit, so a slow source still shows up. @default 1000 */
  batchMs?: number
  /**
   * Worker threads for the default analyzer; 0 analyses on the calling thread. With workers,
   * several documents are in flight at once and still come out in input order (outcomes, links,
   * writes). Ignored when `analyze` is given or false. @default 0 (`lede ingest` uses one per core)
   */
  workers?: number
}

/** What warming the linker up cost, and what it found: the `linker_warmed` log event's fields. */
export type WarmUpReport = Omit<LinkerWarmedEvent, 'event'>

/** Options of one run. */
export interface RunOptions {
  /** Called after a feed was polled and its state saved (logs, `lede sources`). */
  onFeed?: (report: FeedReport) => void
}

const emptyTimes = (): StageTimes => ({ read: 0, extract: 0, analyze: 0, link: 0, store: 0 })

/** An ingest pipeline bound to a store and its stages. */
export class Pipeline {
  readonly #o: PipelineOptions
  #warm = false
  /** The last user correction the linker was given, and when the log was last read. */
  #correctionSeq = 0
  #correctionsReadAt = 0
  readonly times: StageTimes = emptyTimes()
  readonly #pool: AnalyzePool | undefined
  /** Resolved once the document prepared last has passed its link step (links go in order). */
  #linkTurn: Promise<void> = Promise.resolve()

  constructor(options: PipelineOptions) {
    this.#o = options
    this.#pool =
      options.analyze === undefined && (options.workers ?? 0) > 0
        ? new AnalyzePool(options.workers!)
        : undefined
  }

  /** Stops the analysis workers, if any (idle ones never keep the process alive). */
  async close(): Promise<void> {
    await this.#pool?.close()
  }

  /** Runs every event of a source through the pipeline. */
  async run(source: AsyncIterable<SourceEvent>, options: RunOptions = {}): Promise<RunSummary> {
    const started = performance.now()
    const before = { ...this.times }
    const summary: RunSummary = {
      documents: 0,
      inserted: 0,
      unchanged: 0,
      revised: 0,
      failed: 0,
      errors: {},
      stageMs: emptyTimes(),
      seconds: 0,
      stopped: false,
    }
    // The linker warms up before the first article it links (a run of known documents never
    // pays for it), or now if stored articles wait for their links (`--no-link` earlier).
    if (
      this.#o.linker &&
      (await this.#o.store.listByStage('link', 'pending', { limit: 1 })).items.length > 0
    )
      await this.warmUp()
    const report = (outcome: DocumentOutcome, doc: RawDocument | undefined) => {
      if (outcome.outcome === 'failed') {
        summary.failed++
        summary.errors[outcome.code] = (summary.errors[outcome.code] ?? 0) + 1
      } else {
        summary[outcome.outcome]++
        for (const s of outcome.failedStages)
          summary.errors[`${s}_failed`] = (summary.errors[`${s}_failed`] ?? 0) + 1
      }
      this.#o.onDocument?.(outcome, doc)
    }
    const batchSize = Math.max(1, this.#o.batchSize ?? 1000)
    const batchMs = this.#o.batchMs ?? 1000
    let batch: Pending[] = []
    let batchStarted = 0
    // One timer per batch, not one per document (a setTimeout and a clearTimeout per headline
    // showed in the profile of the UCI import).
    let deadline: Deadline | undefined
    const flush = async () => {
      deadline?.cancel()
      deadline = undefined
      if (batch.length === 0) return
      const pending = batch
      batch = []
      for (const [i, outcome] of (await this.#write(pending)).entries())
        report(outcome, pending[i]!.doc)
    }
    // Documents being prepared (analysed on workers), oldest first; settled in this order.
    const inflight: { doc: RawDocument; prepared: Promise<DocumentOutcome | Pending> }[] = []
    const depth = this.#pool ? this.#pool.size * 2 + 1 : 1
    const settle = async (keep: number) => {
      while (inflight.length > keep) {
        const { doc, prepared: p } = inflight.shift()!
        const prepared = await p
        if ('outcome' in prepared) report(prepared, doc)
        else {
          if (batch.length === 0) batchStarted = performance.now()
          batch.push(prepared)
        }
      }
    }
    const it = source[Symbol.asyncIterator]()
    let pendingNext: Promise<IteratorResult<SourceEvent>> | undefined
    try {
      for (;;) {
        if (this.#o.signal?.aborted) {
          summary.stopped = true
          break
        }
        const t0 = performance.now()
        pendingNext ??= it.next()
        // While articles wait for their commit, a slow source (a feed being watched) must not
        // hold them back longer than batchMs.
        let next: IteratorResult<SourceEvent> | typeof TIMED_OUT | typeof HEAD_READY
        if (batch.length === 0 && inflight.length === 0) next = await pendingNext
        else {
          const waits: Promise<typeof next>[] = [pendingNext]
          if (batch.length > 0) {
            deadline ??= batchDeadline(batchStarted + batchMs)
            waits.push(deadline)
          }
          // A slow source must not hold back a document already prepared either.
          const head = inflight[0]
          if (head) waits.push(head.prepared.then((): typeof HEAD_READY => HEAD_READY))
          next = await Promise.race(waits)
        }
        if (next === HEAD_READY) {
          await settle(inflight.length - 1)
          if (batch.length >= batchSize) await flush()
          continue
        }
        this.times.read += performance.now() - t0
        if (next === TIMED_OUT) {
          await flush()
          continue
        }
        pendingNext = undefined
        if (next.done) break
        const ev = next.value
        if (ev.type === 'feed') {
          await settle(0)
          await this.#saveFeed(ev.feed)
          options.onFeed?.(ev.feed)
          continue
        }
        summary.documents++
        await this.#syncCorrections()
        if (ev.type === 'error') {
          await settle(0)
          report(await this.#sourceFailure(ev.error, ev.source), undefined)
        } else {
          const doc = await this.#withSourceId(ev.document)
          inflight.push({ doc: ev.document, prepared: this.#prepare(doc) })
          await settle(depth - 1)
        }
        if (
          batch.length >= batchSize ||
          (batch.length > 0 && performance.now() - batchStarted >= batchMs)
        )
          await flush()
      }
      await settle(0)
      await flush()
    } finally {
      deadline?.cancel()
      if (summary.stopped) await it.return?.()
    }
    for (const k of Object.keys(this.times) as (keyof StageTimes)[])
      summary.stageMs[k] = this.times[k] - before[k]
    summary.seconds = (performance.now() - started) / 1000
    return summary
  }

  /**
   * Warms the linker up, once: the user corrections logged so far, then the stored articles of
   * its window in time order; saves the links of window articles that had never been linked.
   */
  async warmUp(): Promise<WarmUpReport | undefined> {
    const linker = this.#o.linker
    if (this.#warm || !linker) return undefined
    this.#warm = true
    const store = this.#o.store
    const corrections = linker.correct ? await store.storyCorrections() : []
    this.#correctionSeq = corrections.at(-1)?.seq ?? 0
    this.#correctionsReadAt = performance.now()
    if (!linker.remember || !linker.windowMs) return undefined
    const t0 = performance.now()
    const newest = (await store.listArticles({ limit: 1 })).items[0]
    if (!newest) return undefined
    // A page dated in the future must not move the window away from the present.
    const end = Math.min(Date.parse(newest.publishedAt ?? newest.fetchedAt), Date.now())
    const report: WarmUpReport = {
      since: new Date(end - linker.windowMs).toISOString(),
      remembered: 0,
      linked: 0,
      corrections: corrections.length,
      failed: 0,
      errors: {},
      seconds: 0,
    }
    linker.correct?.(corrections, { warmUp: true })
    for await (const a of store.articlesSince(report.since)) {
      try {
        linker.remember(a)
        report.remembered++
      } catch (e) {
        // One stored article the linker cannot read must not stop every later ingest.
        const code = codeOf(e, 'link_failed')
        report.failed++
        report.errors[code] = (report.errors[code] ?? 0) + 1
      }
    }
    for (const { id, links } of linker.warmed?.() ?? []) {
      await store.saveLinks(id, links, { status: 'ok' })
      report.linked++
    }
    report.seconds = (performance.now() - t0) / 1000
    this.#o.onWarmUp?.(report)
    return report
  }

  /** Hands the linker the user corrections logged since it last looked (every few seconds). */
  async #syncCorrections(): Promise<void> {
    const linker = this.#o.linker
    const every = this.#o.correctionsPollMs ?? 2000
    // Before warm-up there is nothing to correct: warm-up reads the whole log.
    if (!this.#warm || !linker?.correct || performance.now() - this.#correctionsReadAt < every)
      return
    this.#correctionsReadAt = performance.now()
    const fresh = await this.#o.store.storyCorrections({ after: this.#correctionSeq })
    if (fresh.length === 0) return
    this.#correctionSeq = fresh.at(-1)!.seq
    linker.correct(fresh, { warmUp: false })
  }

  /** Records what a source could not deliver (a page, an entry, a feed, a file, a line). */
  async #sourceFailure(
    error: { code: string; message: string; url?: string },
    source: SourceRef,
  ): Promise<DocumentOutcome> {
    await this.#o.store.recordFailure({
      key: documentKey(
        { body: '', source, fetchedAt: '', ...(error.url !== undefined && { url: error.url }) },
        error.code,
      ),
      source: await this.#sourceRef(source),
      ...(error.url !== undefined && { url: error.url }),
      stage: 'fetch',
      code: error.code,
      message: error.message,
      at: new Date().toISOString(),
    })
    return { outcome: 'failed', stage: 'fetch', code: error.code, message: error.message }
  }

  readonly #sourceIds = new Map<string, string>()

  /** A feed or sitemap's source ref with its id in the store (registered on first sight). */
  async #sourceRef(source: SourceRef): Promise<StoreSourceRef> {
    if (source.kind !== 'feed' && source.kind !== 'sitemap') return source
    let id = this.#sourceIds.get(source.location)
    if (id === undefined) {
      const known = await this.#o.store.getSource(source.location)
      id = (
        known ?? (await this.#o.store.upsertSource({ url: source.location, kind: source.kind }))
      ).id
      this.#sourceIds.set(source.location, id)
    }
    return { ...source, sourceId: id }
  }

  async #withSourceId(doc: RawDocument): Promise<RawDocument & { source: StoreSourceRef }> {
    if (doc.source.kind !== 'feed' && doc.source.kind !== 'sitemap') return doc
    return { ...doc, source: await this.#sourceRef(doc.source) }
  }

  /** Saves a polled feed's new state and health, and logs the poll. */
  async #saveFeed(report: FeedReport): Promise<void> {
    const st = report.state
    const kind = report.info?.format === 'sitemap' ? 'sitemap' : 'feed'
    const { sourceId } = await this.#sourceRef({ kind, location: st.url })
    const title = st.title ?? report.info?.title
    await this.#o.store.updateSourceHealth(sourceId!, {
      ...(title !== undefined && { title }),
      ...(st.etag !== undefined && { etag: st.etag }),
      ...(st.lastModified !== undefined && { lastModified: st.lastModified }),
      ...(st.lastFetchAt !== undefined && { lastFetchAt: st.lastFetchAt }),
      ...(st.lastOkAt !== undefined && { lastOkAt: st.lastOkAt }),
      ...(st.nextFetchAt !== undefined && { nextFetchAt: st.nextFetchAt }),
      intervalSeconds: st.intervalSeconds,
      failures: st.failures,
      lastError: st.lastError ?? null,
      pollState: st,
    })
  }

  /** Runs one document through every stage and stores it. Never throws for a bad document. */
  async process(doc: RawDocument): Promise<DocumentOutcome> {
    await this.#syncCorrections()
    const prepared = await this.#prepare(doc)
    if ('outcome' in prepared) return prepared
    return (await this.#write([prepared]))[0]!
  }

  /** Writes prepared articles in one commit; a refused one is recorded as a failure. */
  async #write(pending: Pending[]): Promise<DocumentOutcome[]> {
    const t = performance.now()
    let results: BatchOutcome[]
    try {
      results =
        pending.length === 1
          ? [await this.#o.store.putArticle(pending[0]!.write)]
          : await this.#o.store.putArticles(pending.map((p) => p.write))
    } catch (e) {
      results = pending.map(() => ({
        outcome: 'failed' as const,
        code: codeOf(e, 'storage_failed'),
        message: e instanceof Error ? e.message : String(e),
      }))
    }
    this.times.store += performance.now() - t
    const out: DocumentOutcome[] = []
    for (const [i, r] of results.entries()) {
      const p = pending[i]!
      if (r.outcome !== 'failed') {
        out.push({ ...r, failedStages: p.failedStages })
        continue
      }
      // A document the store refuses is recorded; if recording fails too, the store is broken
      // and the run must stop (the error propagates).
      await this.#o.store.recordFailure({
        key: p.write.documentKey!,
        source: p.doc.source,
        ...(p.doc.url !== undefined && { url: p.doc.url }),
        stage: 'index',
        code: r.code,
        message: r.message,
        at: new Date().toISOString(),
      })
      out.push({ outcome: 'failed', stage: 'index', code: r.code, message: r.message })
    }
    return out
  }

  /**
   * Every stage but the write: a final outcome (failed, unchanged), or the article to write.
   * Several may run at once (analysis on workers); the link steps still run in call order.
   */
  async #prepare(doc: RawDocument): Promise<DocumentOutcome | Pending> {
    const turn = this.#linkTurn
    let passed!: () => void
    this.#linkTurn = new Promise<void>((resolve) => {
      passed = resolve
    })
    try {
      return await this.#prepareInTurn(doc, turn)
    } finally {
      // The next document links after this one, whether this one reached its link step or not.
      void turn.then(passed)
    }
  }

  async #prepareInTurn(doc: RawDocument, turn: Promise<void>): Promise<DocumentOutcome | Pending> {
    const store = this.#o.store
    const rawHash = rawHashOf(doc)
    const key = documentKey(doc, rawHash)
    const fail = async (
      stage: StageName,
      code: string,
      message: string,
    ): Promise<DocumentOutcome> => {
      await store.recordFailure({
        key,
        source: doc.source,
        ...(doc.url !== undefined && { url: doc.url }),
        stage,
        code,
        message,
        at: new Date().toISOString(),
      })
      return { outcome: 'failed', stage, code, message }
    }

    // 1. Known by its raw bytes: nothing to do.
    let t = performance.now()
    if (rawHash !== undefined) {
      const known = await store.findStored({
        ...(doc.url !== undefined && { url: doc.url }),
        rawHash,
      })
      if (known !== undefined) {
        this.times.store += performance.now() - t
        return { outcome: 'unchanged', id: known, failedStages: [] }
      }
    }
    this.times.store += performance.now() - t

    // 2. Extract (a record with metadata only has nothing to extract).
    t = performance.now()
    let article: Article
    let extractState: StageState
    if (isMetadataOnly(doc)) {
      const a = metadataArticle(doc)
      this.times.extract += performance.now() - t
      if (!a) return fail('extract', 'no_main_content', 'the document is empty and has no title')
      article = a
      extractState = { status: 'skipped' }
    } else {
      const result = (this.#o.extract ?? extractArticle)(doc.body, {
        ...(doc.url !== undefined && { url: doc.url }),
        ...(doc.format !== undefined && { format: doc.format }),
        ...(doc.contentType !== undefined && { contentType: doc.contentType }),
      })
      this.times.extract += performance.now() - t
      if (!result.ok) return fail('extract', result.error.code, result.error.message)
      article = applyHints(result.value, doc)
      extractState = { status: 'ok' }
    }

    // 3. Known by its content (same page, other bytes): skip analysis and linking. Only worth a
    // look-up when they would run; the write recognises the duplicate anyway.
    t = performance.now()
    const hash = contentHash(article)
    const url = articleUrl(article)
    const costly =
      (this.#o.analyze !== false && article.text.trim() !== '') || this.#o.linker !== undefined
    if (
      costly &&
      (await store.findStored({ ...(url !== undefined && { url }), contentHash: hash })) !==
        undefined
    ) {
      this.times.store += performance.now() - t
      return { outcome: 'unchanged', id: articleId(url, hash), failedStages: [] }
    }
    this.times.store += performance.now() - t

    // 4. Analyze.
    const failedStages: StageName[] = []
    let annotations: Annotations | undefined
    let analyzeState: StageState
    t = performance.now()
    if (this.#o.analyze === false) analyzeState = { status: 'pending' }
    else if (article.text.trim() === '') analyzeState = { status: 'skipped' }
    else {
      try {
        if (this.#pool) {
          // On a worker: count the time it took there, not the time spent waiting for it.
          const r = await this.#pool.analyze(article)
          annotations = r.annotations
          t = performance.now() - r.ms
        } else annotations = (this.#o.analyze ?? analyzeArticle)(article).annotations
        analyzeState = { status: 'ok' }
      } catch (e) {
        analyzeState = { status: 'failed', errorCode: codeOf(e, 'analyze_failed') }
        failedStages.push('analyze')
      }
    }
    this.times.analyze += performance.now() - t

    // 5. Link.
    let links: ArticleLinks | undefined
    let linkState: StageState = { status: 'pending' }
    const entityKeys: Record<string, EntityKey> = {}
    for (const e of annotations?.entities ?? []) entityKeys[e.id] = entityKey(e.type, e.name)
    await turn
    if (this.#o.linker) await this.warmUp()
    t = performance.now()
    if (this.#o.linker) {
      try {
        links = this.#o.linker.link({
          id: articleId(url, hash),
          article,
          ...(annotations && { annotations }),
          entityKeys,
          at: article.publishedAt ?? doc.fetchedAt,
        })
        linkState = { status: 'ok' }
      } catch (e) {
        linkState = { status: 'failed', errorCode: codeOf(e, 'link_failed') }
        failedStages.push('link')
      }
    }
    this.times.link += performance.now() - t

    // 6. Store and index: one transaction per article, committed in batches by run().
    const write: ArticleWrite = {
      article,
      ...(annotations && { annotations }),
      ...(this.#o.analyzer !== undefined && annotations && { analyzer: this.#o.analyzer }),
      ...(this.#o.keepRaw !== false &&
        !isMetadataOnly(doc) && {
          raw: {
            body: doc.body,
            ...(doc.contentType !== undefined && { contentType: doc.contentType }),
          },
        }),
      ...(rawHash !== undefined && { rawHash }),
      documentKey: key,
      source: doc.source,
      fetchedAt: doc.fetchedAt,
      contentHash: hash,
      stages: {
        extract: extractState,
        analyze: analyzeState,
        link: linkState,
        index: { status: 'ok' },
      },
      ...(links && { links }),
    }
    return { write, doc, failedStages }
  }
}

/** An article ready to be written. */
interface Pending {
  write: ArticleWrite
  doc: RawDocument
  failedStages: StageName[]
}

const TIMED_OUT: unique symbol = Symbol('timed out')
const HEAD_READY: unique symbol = Symbol('head ready')

/** A promise of TIMED_OUT at a moment (performance.now() time), and a way to cancel its timer. */
type Deadline = Promise<typeof TIMED_OUT> & { cancel: () => void }

function batchDeadline(at: number): Deadline {
  let timer: NodeJS.Timeout | undefined
  const p = new Promise<typeof TIMED_OUT>((resolve) => {
    const ms = at - performance.now()
    if (ms <= 0) resolve(TIMED_OUT)
    else timer = setTimeout(() => resolve(TIMED_OUT), ms)
  }) as Deadline
  p.cancel = () => clearTimeout(timer)
  return p
}

function codeOf(e: unknown, fallback: string): string {
  if (isLedeError(e)) return e.code
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' && /^[a-z][a-z0-9_]*$/.test(code) ? code : fallback
}
