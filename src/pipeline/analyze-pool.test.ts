import { describe, expect, test } from 'vitest'
import type { RawDocument } from '../core/index.js'
import type { SourceEvent } from '../ingest/index.js'
import type { Store } from '../store/index.js'
import { openStore } from '../store/index.js'
import type { DocumentOutcome } from './run.js'
import { Pipeline } from './run.js'

/** Hand-made news texts of different lengths (so workers finish out of order), one source error. */
const texts = [
  'Anna Berg, the mayor of Lund, said on Monday that "the bridge will open in May." She spoke at the town hall.',
  'Shares of Nordic Steel rose 4% in Stockholm.',
  'The minister, Paul Okafor, told reporters in Lagos that the talks with Ghana had failed. "We will try again," he said. Okafor later met the Ghanaian envoy, Ama Mensah, who declined to comment.',
  'Rain is expected in Oslo.',
  'Anna Berg said the bridge would cost 40 million kronor, according to the city budget.',
  'Nordic Steel chief executive Lars Holm said the company would hire 200 workers in Lulea.',
]

async function* source(): AsyncGenerator<SourceEvent> {
  for (const [i, text] of texts.entries()) {
    const document: RawDocument = {
      body: `${text}\n`,
      url: `https://news.example/${i}`,
      format: 'text',
      source: { kind: 'file', location: '/in' },
      fetchedAt: '2024-05-01T00:00:00.000Z',
    }
    yield { type: 'document', document }
    if (i === 2)
      yield {
        type: 'error',
        error: { code: 'invalid_input', message: 'bad line' },
        source: { kind: 'file', location: '/in#L9' },
      }
  }
}

async function ingest(workers: number) {
  const store: Store = openStore({ path: ':memory:' })
  const outcomes: DocumentOutcome[] = []
  const pipeline = new Pipeline({ store, workers, onDocument: (o) => outcomes.push(o) })
  try {
    await pipeline.run(source())
    const stored = []
    for (const o of outcomes)
      if (o.outcome !== 'failed') {
        const a = await store.getArticle(o.id)
        stored.push({ id: o.id, annotations: a?.annotations, stages: a?.stages })
      }
    return { outcomes, stored }
  } finally {
    await pipeline.close()
    await store.close()
  }
}

describe('analysis on worker threads', () => {
  test('gives the same outcomes, in the same order, and the same annotations as one thread', async () => {
    const one = await ingest(0)
    const pooled = await ingest(2)
    // Failures are reported at once, stored articles when their group is committed.
    expect(one.outcomes.map((o) => (o.outcome === 'failed' ? o.code : o.outcome))).toEqual([
      'no_main_content', // a one-line dump of a single short sentence is no article
      'invalid_input',
      'no_main_content',
      'inserted',
      'inserted',
      'inserted',
      'inserted',
    ])
    expect(pooled.outcomes).toEqual(one.outcomes)
    expect(pooled.stored).toEqual(one.stored)
    expect(one.stored.every((s) => s.stages?.analyze?.status === 'ok')).toBe(true)
    expect(one.stored.some((s) => (s.annotations?.entities.length ?? 0) > 0)).toBe(true)
  }, 60_000)
})
