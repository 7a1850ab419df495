/**
 * @module log/logger: JSON lines to stderr through pino (data goes to stdout). One logger per
 * process, made by the composition root and handed down; stages never log (they take `debug`).
 */
import pino from 'pino'
import type { LogLevel } from '../config/index.js'

export type Logger = pino.Logger

export interface LoggerOptions {
  level?: LogLevel
  /** Where lines go. @default stderr (fd 2), written synchronously so no line is lost on exit */
  destination?: pino.DestinationStream
  /** Fields on every line, e.g. `{ command: 'ingest' }`. */
  base?: Record<string, unknown>
}

/** A pino logger writing JSON lines: `{"level":"info","time":"…","msg":"…", …}`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  )
}

/** A logger that writes nothing (tests, `--quiet`). */
export const silentLogger = (): Logger => pino({ level: 'silent' })
