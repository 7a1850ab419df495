#!/usr/bin/env node
// `npm start`: builds if needed, then runs Lede's main job. (The reader and demo corpus arrive
// with issue 8; until then this prints the CLI's help.)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
const run = spawnSync(
  process.execPath,
  [new URL('../dist/cli/main.js', import.meta.url).pathname, '--help'],
  { stdio: 'inherit' },
)
process.exit(run.status ?? 1)
