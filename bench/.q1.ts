import { ARTICLE_SCHEMA } from '../src/core/index.js'
import { analyze } from '../src/nlp/index.js'
const text = process.argv.slice(2).join(' ')
const blocks = [{ kind: 'paragraph' as const, text }]
const { annotations } = analyze({
  schema: ARTICLE_SCHEMA,
  text,
  blocks,
  authors: [],
  related: [],
  removed: [],
  extraction: { inputFormat: 'text', method: 'x', confidence: 1 },
} as never)
for (const q of annotations.quotes)
  console.log(
    JSON.stringify({
      kind: q.kind,
      text: q.text,
      cue: q.cue?.text,
      speaker: q.speaker?.mention?.text ?? q.speaker,
    }),
  )
