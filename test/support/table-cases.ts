/**
 * Table-driven golden cases: every `*.jsonl` file in a folder holds one case per line, each with
 * a `name`. Returns `[label, case]` pairs for `test.each`, labelled `file: name`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The cases of every `*.jsonl` file beside the test file whose `import.meta.url` is given. */
export function readTableCases<T extends { name: string }>(testFileUrl: string): [string, T][] {
  const folder = dirname(fileURLToPath(testFileUrl))
  return readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(folder, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line): [string, T] => {
          const c = JSON.parse(line) as T
          return [`${f.replace(/\.jsonl$/, '')}: ${c.name}`, c]
        }),
    )
}
