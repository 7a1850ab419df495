#!/usr/bin/env node
// `npm start`: the front door. Builds dist/ if it is missing or older than src/, then runs
// `lede serve --demo` on ./data/demo.db ($LEDE_DB or --db to change it): the first start reads the bundled Wikinews slice through
// the pipeline (with a progress bar), later starts reuse the database. The reader is at
// http://localhost:8080 (PORT changes it). Other arguments are passed on, e.g. `npm start -- --port 9000`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const main = join(root, 'dist', 'cli', 'main.js')

/** The newest modification time under a folder (ms). */
const newest = (dir) => {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

if (!existsSync(main) || newest(join(root, 'src')) > statSync(main).mtimeMs) {
  process.stderr.write('Building Lede (dist/ is missing or older than src/)…\n')
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

// Run the serve command directly rather than through the CLI's entry point, which loads every
// command's modules: a later start then loads only what serving needs (docs/decisions/0093).
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'cache-ttl': { type: 'string' },
  },
})
const { runServe } = await import(
  pathToFileURL(join(root, 'dist', 'cli', 'commands', 'serve.js')).href
)
try {
  process.exitCode = await runServe({
    demo: true,
    db: values.db ?? process.env.LEDE_DB ?? join(root, 'data', 'demo.db'),
    ...(values.port !== undefined && { port: values.port }),
    ...(values.host !== undefined && { host: values.host }),
    ...(values['cache-ttl'] !== undefined && { cacheTtl: values['cache-ttl'] }),
  })
} catch (e) {
  process.stderr.write(`lede: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
}
