/**
 * @module log/events: the typed wide events Lede logs — one line per document failure, periodic
 * progress, and one summary per run — so log readers can rely on their keys.
 */
import type { Logger } from './logger.js'

export interface DocumentFailedEvent {
  event: 'document_failed'
  stage: string
  code: string
  location: string
  url?: string
  message: string
}

export interface DocumentStoredEvent {
  event: 'document_stored'
  outcome: 'inserted' | 'unchanged' | 'revised'
  id: string
  location: string
  url?: string
  failedStages?: string[]
}

export interface IngestProgressEvent {
  event: 'ingest_progress'
  documents: number
  perSecond: number
  errors: number
  /** 0..1 when the total is known. */
  fraction?: number
  etaSeconds?: number
}

export interface IngestSummaryEvent {
  event: 'ingest_done'
  documents: number
  inserted: number
  unchanged: number
  revised: number
  failed: number
  errors: Record<string, number>
  seconds: number
  perSecond: number
  stopped: boolean
}

export interface FeedPolledEvent {
  event: 'feed_polled'
  url: string
  outcome: 'ok' | 'not_modified' | 'error'
  newEntries: number
  documents: number
  failedEntries: number
  nextFetchAt?: string
  code?: string
  message?: string
}

/** The linker rebuilt from the stored articles of its window when a run starts. */
export interface LinkerWarmedEvent {
  event: 'linker_warmed'
  /** ISO 8601: the window's start (the newest stored article, or now if earlier, minus the window). */
  since: string
  /** Stored articles taken into the linker's state. */
  remembered: number
  /** Stored articles of the window that had never been linked and were linked now. */
  linked: number
  /** User corrections replayed. */
  corrections: number
  /** Stored articles the linker could not take (their code counted in `errors`). */
  failed: number
  errors: Record<string, number>
  seconds: number
}

export type LedeEvent =
  | LinkerWarmedEvent
  | DocumentFailedEvent
  | DocumentStoredEvent
  | IngestProgressEvent
  | IngestSummaryEvent
  | FeedPolledEvent

const LEVEL: Record<LedeEvent['event'], 'debug' | 'info' | 'warn'> = {
  document_failed: 'warn',
  document_stored: 'debug',
  ingest_progress: 'info',
  ingest_done: 'info',
  feed_polled: 'info',
  linker_warmed: 'info',
}

/** Logs a typed event at its level, with a short message. */
export function logEvent(
  logger: Logger,
  e: LedeEvent,
  msg: string = e.event.replace('_', ' '),
): void {
  logger[LEVEL[e.event]](e, msg)
}
