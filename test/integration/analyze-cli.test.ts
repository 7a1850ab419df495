/** `lede analyze` end to end on a hand-written Article JSON (test/nlp/cast/fixtures). */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import type { AnalyzedArticle } from '../../src/core/index.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

test('lede analyze prints the article and its annotations', () => {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'analyze',
      'test/nlp/cast/fixtures/macron-scholz.article.json',
    ],
    { cwd: root, encoding: 'utf8' },
  )
  const { article, annotations } = JSON.parse(out) as AnalyzedArticle
  expect(article.title).toBe('Macron and Scholz meet in Berlin')
  expect(annotations.schema).toBe('lede.annotations/1')
  expect(annotations.sentences).toHaveLength(4)
  const macron = annotations.entities.find((e) => e.name === 'Emmanuel Macron')
  expect(macron?.descriptions).toEqual(['French President'])
  expect(macron?.mentions.map((m) => m.text)).toContain('the French leader')
  expect(annotations.values?.map((v) => [v.text, v.value])).toContainEqual([
    'next week',
    '2023-W20',
  ])
})
