/**
 * @module config/schema: every setting Lede reads from its environment, in one table — each with
 * its variable, default, validator and whether it is secret — and the typed Config built from it.
 */
import { z } from 'zod'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (['1', 'true', 'yes', 'on'].includes(v)) return true
    if (['0', 'false', 'no', 'off', ''].includes(v)) return false
    ctx.addIssue({ code: 'custom', message: 'expected true or false' })
    return z.NEVER
  })

/** One setting: where it comes from, its default and how it is checked. */
export interface OptionSpec<T> {
  env: string
  default: T
  schema: z.ZodType<T, string>
  secret: boolean
  help: string
}

const option = <T>(spec: OptionSpec<T>): OptionSpec<T> => spec

/** The settings, by their place in Config. */
export const OPTIONS = {
  'database.path': option({
    env: 'LEDE_DB',
    default: './data/lede.db',
    schema: z.string().trim().min(1),
    secret: false,
    help: 'the SQLite file of the corpus (created if missing)',
  }),
  'database.url': option<string | undefined>({
    env: 'DATABASE_URL',
    default: undefined,
    schema: z
      .string()
      .trim()
      .transform((v) => (v === '' ? undefined : v)),
    secret: true,
    help: 'a database URL; wins over LEDE_DB when set (postgres:// is not supported yet)',
  }),
  'log.level': option<LogLevel>({
    env: 'LEDE_LOG_LEVEL',
    default: 'info',
    schema: z.enum(LOG_LEVELS),
    secret: false,
    help: 'debug | info | warn | error | silent',
  }),
  'ingest.allowPrivate': option({
    env: 'LEDE_ALLOW_PRIVATE',
    default: false,
    schema: bool,
    secret: false,
    help: 'allow fetching from loopback and private addresses (tests, intranets)',
  }),
  'ingest.keepRaw': option({
    env: 'LEDE_KEEP_RAW',
    default: true,
    schema: bool,
    secret: false,
    help: 'keep the raw input of every article, compressed',
  }),
} as const

export interface Config {
  database: { path: string; url?: string }
  log: { level: LogLevel }
  ingest: { allowPrivate: boolean; keepRaw: boolean }
}
