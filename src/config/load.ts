/**
 * @module config/load: environment (and command-line overrides) → Config, once, at the
 * composition root. Pure: it reads only the object it is given, never process.env itself.
 */
import { LedeError } from '../core/index.js'
import type { Config } from './schema.js'
import { OPTIONS } from './schema.js'

type OptionName = keyof typeof OPTIONS
type Values = { [K in OptionName]: (typeof OPTIONS)[K]['default'] }

/** Overrides from command-line flags, which win over the environment. */
export type ConfigOverrides = Partial<Values>

/**
 * Builds the Config from an environment. Throws a LedeError (`invalid_input`) naming the variable
 * when a value does not validate.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  overrides: ConfigOverrides = {},
): Config {
  const v = {} as Record<OptionName, unknown>
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    const spec = OPTIONS[name]
    if (name in overrides && overrides[name] !== undefined) {
      v[name] = overrides[name]
      continue
    }
    const raw = env[spec.env]
    if (raw === undefined) {
      v[name] = spec.default
      continue
    }
    const parsed = spec.schema.safeParse(raw)
    if (!parsed.success)
      throw new LedeError(
        'invalid_input',
        `${spec.env}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`,
      )
    v[name] = parsed.data ?? spec.default
  }
  const values = v as Values
  return {
    database: {
      path: values['database.path'],
      ...(values['database.url'] !== undefined && { url: values['database.url'] }),
    },
    log: { level: values['log.level'] },
    ingest: { allowPrivate: values['ingest.allowPrivate'], keepRaw: values['ingest.keepRaw'] },
  }
}

/** The effective settings as `[variable, value]` rows, secrets redacted, for `lede config`-like output. */
export function describeConfig(config: Config): { env: string; value: string; help: string }[] {
  const flat: Record<OptionName, unknown> = {
    'database.path': config.database.path,
    'database.url': config.database.url,
    'log.level': config.log.level,
    'ingest.allowPrivate': config.ingest.allowPrivate,
    'ingest.keepRaw': config.ingest.keepRaw,
  }
  return (Object.keys(OPTIONS) as OptionName[]).map((name) => {
    const spec = OPTIONS[name]
    const value = flat[name]
    return {
      env: spec.env,
      value: value === undefined ? '' : spec.secret ? redact(String(value)) : String(value),
      help: spec.help,
    }
  })
}

/** Hides the password of a URL, or all of any other secret. */
function redact(value: string): string {
  try {
    const u = new URL(value)
    if (u.password !== '') u.password = '***'
    return u.toString()
  } catch {
    return '***'
  }
}
