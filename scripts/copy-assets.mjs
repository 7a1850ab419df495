#!/usr/bin/env node
// Copies the files tsc does not emit (the SQL migrations, the reader's assets/) from src/ to dist/,
// keeping their paths.
import { cpSync, mkdirSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? walk(join(dir, e.name))
      : e.name.endsWith('.sql') || /[\\/]assets$/.test(dir)
        ? [join(dir, e.name)]
        : [],
  )
for (const file of walk(src)) {
  const to = join(root, 'dist', relative(src, file))
  mkdirSync(dirname(to), { recursive: true })
  cpSync(file, to)
}
