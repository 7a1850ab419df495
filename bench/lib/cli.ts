/**
 * Command-line options for the benchmarks and scripts: `node:util` parseArgs with `--help` (`-h`),
 * which prints the calling module's doc comment (its usage, kept in one place), and a one-line
 * error instead of a stack trace for an unknown or malformed option.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type ParseArgsConfig, parseArgs } from 'node:util'

/**
 * Parses `process.argv` like `parseArgs(config)`; `--help` prints the doc comment of the module
 * at `moduleUrl` (pass `import.meta.url`) and exits 0, a bad option prints why and exits 2.
 */
export function parseCli<T extends ParseArgsConfig>(
  config: T,
  moduleUrl: string,
): ReturnType<typeof parseArgs<T>> {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    console.log(usageOf(moduleUrl))
    process.exit(0)
  }
  try {
    return parseArgs(config)
  } catch (e) {
    console.error(`${(e as Error).message}\n(--help lists the options)`)
    process.exit(2)
  }
}

/** The first doc comment of a module, without its comment marks. */
export function usageOf(moduleUrl: string): string {
  const source = readFileSync(fileURLToPath(moduleUrl), 'utf8')
  const m = /\/\*\*([\s\S]*?)\*\//.exec(source)
  if (m === null) return 'no usage written for this command'
  return m[1]!
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim()
}
