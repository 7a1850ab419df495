/**
 * @module pipeline/analyze-pool: the default analyzer run on worker threads, so that analysis
 * (the costliest stage, ~20 ms of CPU per news article) uses every core while the main thread
 * reads, extracts and writes. Each worker loads the models once; a task goes to the worker with
 * the fewest waiting. Answers come back in any order; the pipeline puts documents back in their
 * input order (see run.ts), so the output does not depend on which worker ran what.
 */
import { Worker } from 'node:worker_threads'
import type { Annotations, Article } from '../core/index.js'
import type { AnalyzeAnswer, AnalyzeTask } from './analyze-worker.js'

/** The annotations of an article and the milliseconds its analysis took in the worker. */
export interface PooledAnalysis {
  annotations: Annotations
  ms: number
}

interface Waiting {
  resolve: (a: PooledAnalysis) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  waiting: Map<number, Waiting>
}

/**
 * Starts a worker on analyze-worker: the built `.js` next to this module, or, when run from the
 * sources (tsx, vitest), the `.ts` file through tsx's loader, registered inside the worker (a
 * worker does not inherit the loader hooks of its parent on Node 20).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./analyze-worker.js', import.meta.url))
  const entry = new URL('./analyze-worker.ts', import.meta.url).href
  // tsx found from this module, whatever the working directory.
  const tsx = import.meta.resolve('tsx/esm/api')
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`,
    { eval: true },
  )
}

/** A pool of analysis workers. Idle workers do not keep the process alive. */
export class AnalyzePool {
  readonly size: number
  readonly #slots: Slot[] = []
  #n = 0
  #closed = false

  constructor(size: number) {
    this.size = Math.max(1, Math.floor(size))
  }

  /** Analyses an article on a worker. Rejects with the analyzer's error code. */
  analyze(article: Article): Promise<PooledAnalysis> {
    if (this.#closed) return Promise.reject(coded('analyze_failed', 'the analysis pool is closed'))
    const slot = this.#pick()
    const n = ++this.#n
    return new Promise<PooledAnalysis>((resolve, reject) => {
      if (slot.waiting.size === 0) slot.worker.ref()
      slot.waiting.set(n, { resolve, reject })
      slot.worker.postMessage({ n, article } satisfies AnalyzeTask)
    })
  }

  /** Stops every worker; waiting analyses are rejected. */
  async close(): Promise<void> {
    this.#closed = true
    const slots = this.#slots.splice(0)
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }

  #pick(): Slot {
    if (this.#slots.length < this.size) return this.#spawn()
    let best = this.#slots[0]!
    for (const s of this.#slots) if (s.waiting.size < best.waiting.size) best = s
    return best
  }

  #spawn(): Slot {
    const worker = startWorker()
    const slot: Slot = { worker, waiting: new Map() }
    worker.unref()
    worker.on('message', (a: AnalyzeAnswer) => {
      const w = slot.waiting.get(a.n)
      if (!w) return
      slot.waiting.delete(a.n)
      if (slot.waiting.size === 0) worker.unref()
      if (a.ok) w.resolve({ annotations: a.annotations, ms: a.ms })
      else w.reject(coded(a.code, a.message))
    })
    const fail = (e: Error) => {
      // A worker that dies fails what it was given; the next task starts a new one.
      const i = this.#slots.indexOf(slot)
      if (i !== -1) this.#slots.splice(i, 1)
      for (const w of slot.waiting.values())
        w.reject(coded('analyze_failed', `the analysis worker stopped: ${e.message}`))
      slot.waiting.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    this.#slots.push(slot)
    return slot
  }
}

/** An error carrying the analyzer's code (the pipeline records it as the stage's error code). */
function coded(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), {
    code: /^[a-z][a-z0-9_]*$/.test(code) ? code : 'analyze_failed',
  })
}
