import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { makeArticle, makeWrite } from '../store.case.js'
import { openSqliteStore } from './adapter.js'

const dir = mkdtempSync(join(tmpdir(), 'lede-token-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test("a reader's change token moves when another connection writes", async () => {
  const path = join(dir, 'corpus.db')
  const writer = openSqliteStore(path)
  const reader = openSqliteStore(path, { readonly: true })
  const before = await reader.changeToken()
  await writer.putArticle(makeWrite(makeArticle({ title: 'Written elsewhere' })))
  expect(await reader.changeToken()).not.toBe(before)
  await writer.close()
  await reader.close()
})
