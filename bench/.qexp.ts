// scratch (not committed): cached analyze inputs; predictions at the default thresholds and all candidates
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { ARTICLE_SCHEMA } from '../src/core/index.js'
import { analyze } from '../src/nlp/index.js'
import { findQuotes, scoredQuotes, type QuoteInput } from '../src/nlp/quotes/index.js'
import { blocksOf, loadPolnear, toPolnear } from './polnear.js'
const split = process.argv[2] ?? 'train'
const file = `../shared/data/quotes-polnear/${split}.jsonl`
const cache = `/tmp/qx/${split}-inputs.json`
const arts = loadPolnear(file)
let inputs: QuoteInput[]
if (existsSync(cache)) inputs = JSON.parse(readFileSync(cache, 'utf8'))
else {
  inputs = arts.map((a) => {
    const blocks = blocksOf(a.text)
    const { annotations } = analyze({
      schema: ARTICLE_SCHEMA,
      text: a.text,
      blocks,
      authors: [],
      related: [],
      removed: [],
      extraction: { inputFormat: 'text', method: 'polnear', confidence: 1 },
    })
    return {
      text: a.text,
      blocks,
      sentences: annotations.sentences,
      entities: annotations.entities,
    }
  })
  writeFileSync(cache, JSON.stringify(inputs))
}
const out = process.argv[3] ?? `/tmp/qx/${split}-pred.jsonl`
writeFileSync(
  out,
  arts.map((a, i) => JSON.stringify(toPolnear(a, findQuotes(inputs[i]!)))).join('\n') + '\n',
)
if (process.argv[4] === 'all')
  writeFileSync(
    `/tmp/qx/${split}-all.jsonl`,
    arts
      .map((a, i) =>
        JSON.stringify({
          ...toPolnear(
            a,
            scoredQuotes(inputs[i]!).map((s) => s.quote),
          ),
          conf: scoredQuotes(inputs[i]!).map((s) => [s.quote.confidence, s.quote.kind]),
        }),
      )
      .join('\n') + '\n',
  )
