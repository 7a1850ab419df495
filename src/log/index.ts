/** @module log: pino JSON lines on stderr and the typed events Lede logs. */
export type {
  DocumentFailedEvent,
  DocumentStoredEvent,
  FeedPolledEvent,
  IngestProgressEvent,
  IngestSummaryEvent,
  LedeEvent,
  LinkerWarmedEvent,
} from './events.js'
export { logEvent } from './events.js'
export type { Logger, LoggerOptions } from './logger.js'
export { createLogger, silentLogger } from './logger.js'
