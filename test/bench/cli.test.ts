/** The benchmarks' and scripts' option parsing: --help prints the module's usage, bad options exit 2. */
import { execFileSync, spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { usageOf } from '../../bench/lib/cli.js'

const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname
const CLUSTER = new URL('../../bench/cluster.bench.ts', import.meta.url).pathname

describe('bench command lines', () => {
  test('usageOf reads the first doc comment without its comment marks', () => {
    const usage = usageOf(new URL('../../bench/cluster.bench.ts', import.meta.url).href)
    expect(usage.startsWith('@module bench:cluster')).toBe(true)
    expect(usage).toContain('npm run bench:cluster -- --file')
    expect(usage).not.toMatch(/^\s*\*/m)
  })

  test('--help prints the usage and exits 0', () => {
    const out = execFileSync(TSX, [CLUSTER, '--help'], { encoding: 'utf8' })
    expect(out).toContain('npm run bench:cluster -- --file')
  })

  test('an unknown option is one line on stderr and exit code 2, not a stack trace', () => {
    const r = spawnSync(TSX, [CLUSTER, '--no-such-option'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("Unknown option '--no-such-option'")
    expect(r.stderr).not.toContain('    at ')
  })
})
