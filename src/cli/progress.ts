/**
 * @module cli/progress: how a long ingest shows itself — a progress bar on a terminal (documents,
 * rate, errors, time left) or, when stderr is not a terminal, a JSON progress line every few
 * seconds through the logger.
 */
import cliProgress from 'cli-progress'
import type { ReadProgress } from '../ingest/files/index.js'
import type { Logger } from '../log/index.js'
import { logEvent } from '../log/index.js'

export interface ProgressState {
  documents: number
  errors: number
}

/** Shows the progress of a run; `stop()` clears the bar. */
export interface ProgressView {
  update(state: ProgressState, read?: ReadProgress): void
  stop(): void
}

/** Every 5 s a progress line: often enough to see a run is alive, rare enough to read. */
const LOG_EVERY_MS = 5000
/** The bar redraws at most 10 times a second. */
const DRAW_EVERY_MS = 100

function eta(
  read: ReadProgress | undefined,
  elapsedS: number,
): { fraction?: number; etaSeconds?: number } {
  if (!read?.bytesTotal || read.bytesRead <= 0) return {}
  const fraction = Math.min(1, read.bytesRead / read.bytesTotal)
  return { fraction, etaSeconds: Math.max(0, Math.round((elapsedS / fraction) * (1 - fraction))) }
}

const clock = (s: number | undefined): string => {
  if (s === undefined || !Number.isFinite(s)) return '--:--'
  const m = Math.floor(s / 60)
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`
}

/** A bar on the terminal `stream`. */
export function barView(stream: NodeJS.WriteStream): ProgressView {
  const started = performance.now()
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {percent} | {documents} docs | {rate}/s | {errors} errors | {timeLeft} left',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(1000, 0, { percent: '  ?%', documents: 0, rate: 0, errors: 0, timeLeft: '--:--' })
  let last = 0
  return {
    update(state, read) {
      const now = performance.now()
      if (now - last < DRAW_EVERY_MS) return
      last = now
      const elapsed = (now - started) / 1000
      const { fraction, etaSeconds } = eta(read, elapsed)
      bar.update(fraction === undefined ? 0 : Math.round(fraction * 1000), {
        percent:
          fraction === undefined ? '  ?%' : `${String(Math.floor(fraction * 100)).padStart(3)}%`,
        documents: state.documents,
        rate: elapsed > 0 ? Math.round(state.documents / elapsed) : 0,
        errors: state.errors,
        timeLeft: clock(etaSeconds),
      })
    },
    stop() {
      bar.stop()
    },
  }
}

/** Progress as JSON lines through the logger, every few seconds. */
export function logView(logger: Logger): ProgressView {
  const started = performance.now()
  let last = started
  return {
    update(state, read) {
      const now = performance.now()
      if (now - last < LOG_EVERY_MS) return
      last = now
      const elapsed = (now - started) / 1000
      logEvent(logger, {
        event: 'ingest_progress',
        documents: state.documents,
        perSecond: Math.round((state.documents / elapsed) * 10) / 10,
        errors: state.errors,
        ...eta(read, elapsed),
      })
    },
    stop() {},
  }
}
