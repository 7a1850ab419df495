/**
 * @module pipeline/analyze-worker: the body of one analysis worker thread (see analyze-pool.ts).
 * Receives articles, answers with their annotations (or the error's code) and the CPU time the
 * analysis took, in the order received.
 */
import { parentPort } from 'node:worker_threads'
import type { Annotations, Article } from '../core/index.js'
import { isLedeError } from '../core/index.js'
import { analyze } from '../nlp/index.js'

/** A task: an article to analyse, and the number the answer carries. */
export interface AnalyzeTask {
  n: number
  article: Article
}

/** The answer to a task. */
export type AnalyzeAnswer =
  | { n: number; ok: true; annotations: Annotations; ms: number }
  | { n: number; ok: false; code: string; message: string; ms: number }

const port = parentPort
if (port) {
  port.on('message', (task: AnalyzeTask) => {
    const t = performance.now()
    let answer: AnalyzeAnswer
    try {
      const { annotations } = analyze(task.article)
      answer = { n: task.n, ok: true, annotations, ms: performance.now() - t }
    } catch (e) {
      const code = isLedeError(e) ? e.code : 'analyze_failed'
      const message = e instanceof Error ? e.message : String(e)
      answer = { n: task.n, ok: false, code, message, ms: performance.now() - t }
    }
    port.postMessage(answer)
  })
}
