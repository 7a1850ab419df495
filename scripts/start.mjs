#!/usr/bin/env node
// `npm start`: the front door. Builds dist/ if it is missing or older than src/, then runs
// `lede serve --demo` on ./data/demo.db: the first start reads the bundled Wikinews slice through
// the pipeline (with a progress bar), later starts reuse the database. The reader is at
// http://localhost:8080 (PORT changes it). Other arguments are passed on, e.g. `npm start -- --port 9000`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

const args = process.argv.slice(2)
const hasDb = args.includes('--db') || process.env.LEDE_DB !== undefined
const child = spawn(
  process.execPath,
  [main, 'serve', '--demo', ...(hasDb ? [] : ['--db', join(root, 'data', 'demo.db')]), ...args],
  { stdio: 'inherit', cwd: root },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
