/**
 * Entity-tagger benchmark over a CoNLL-2003-format file: per-type precision, recall and F1, overall
 * figures, tokens per second and model load time; writes the predictions in conlleval form
 * (`token gold pred`, a blank line between sentences), which ../shared/scorers/conll-score.mjs
 * scores to the same numbers. With --consistency, scores the tags after findEntityMentions'
 * document-level consistency rule instead of tagSentences' output.
 *
 *   npm run bench:ner -- --file ../shared/data/ner-conll2003/valid.txt --out .tmp/valid.pred
 *                        [--json results.json] [--model models/ner-conll2003.bin]
 *
 * Each -DOCSTART- document is tagged as one document (as an article would be). Speed is the median
 * of three passes over the whole file after the scoring pass.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { EntityScorer, parseConll } from '../src/nlp/entities/conll.js'
import { flatten } from '../src/nlp/entities/features.js'
import { bilouToIob } from '../src/nlp/entities/labels.js'
import {
  applyConsistency,
  labelsFromMentions,
  mentionsFromLabels,
} from '../src/nlp/entities/mentions.js'
import { decodeModel } from '../src/nlp/entities/model-file.js'
import { defaultTagger, Tagger } from '../src/nlp/entities/tagger.js'
import { parseCli } from './lib/cli.js'

const { values } = parseCli(
  {
    options: {
      file: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      model: { type: 'string' },
      // Score the tags after the document-level consistency rule of findEntityMentions.
      consistency: { type: 'boolean', default: false },
    },
  },
  import.meta.url,
)
if (!values.file) {
  process.stderr.write('usage: npm run bench:ner -- --file FILE [--out PRED] [--json OUT]\n')
  process.exit(2)
}
const docs = parseConll(readFileSync(values.file, 'utf8'))

const loadStart = performance.now()
const loadCpuStart = process.cpuUsage()
const tagger = values.model ? new Tagger(decodeModel(readFileSync(values.model))) : defaultTagger()
const loadMs = performance.now() - loadStart
const loadCpu = process.cpuUsage(loadCpuStart)
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000

/** Tags a document as tagSentences does, or through the consistency rule. */
function tagDocument(sentences: string[][]): string[][] {
  if (!values.consistency) return tagger.tagSentences(sentences)
  const flat = flatten(sentences)
  const confidence = new Float32Array(flat.tokens.length)
  const labels = tagger.labelDocument(flat, confidence)
  const mentions = mentionsFromLabels(labels, (a, b) => Math.min(...confidence.subarray(a, b)))
  const fixed = labelsFromMentions(
    labels.length,
    applyConsistency(flat.tokens, mentions, flat.sentenceStarts),
  )
  return sentences.map((_, i) =>
    bilouToIob(fixed.subarray(flat.sentenceStarts[i]!, flat.sentenceStarts[i + 1]!)),
  )
}

const scorer = new EntityScorer()
const lines: string[] = []
let tokens = 0
for (const doc of docs) {
  const predicted = tagDocument(doc.map((s) => s.tokens))
  doc.forEach((s, i) => {
    scorer.add(s.tags, predicted[i]!)
    s.tokens.forEach((t, k) => {
      lines.push(`${t} ${s.tags[k]} ${predicted[i]![k]}`)
    })
    lines.push('')
    tokens += s.tokens.length
  })
}

// Wall-clock speed, and speed per CPU-second of this process: on a shared machine the second is
// the fairer figure (other processes take the wall-clock time, not our CPU time). Three timed
// passes after the scoring pass; the median is reported (the JIT is still warming in the first).
const passes: { seconds: number; cpuSeconds: number }[] = []
for (let pass = 0; pass < 3; pass++) {
  const timedStart = performance.now()
  const cpuStart = process.cpuUsage()
  for (const doc of docs) tagDocument(doc.map((s) => s.tokens))
  const cpu = process.cpuUsage(cpuStart)
  passes.push({
    seconds: (performance.now() - timedStart) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  })
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!
const seconds = median(passes.map((p) => p.seconds))
const cpuSeconds = median(passes.map((p) => p.cpuSeconds))

if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`)

const pct = (x: number) => (100 * x).toFixed(2).padStart(6)
const rows: Record<string, ReturnType<EntityScorer['scores']>> = {}
const out: string[] = [`${values.file}: ${docs.length} documents, ${tokens} tokens`]
for (const t of [...scorer.counts.keys()].sort()) {
  const s = scorer.scores([t])
  rows[t] = s
  out.push(`${t.padEnd(12)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`)
}
const core = scorer.scores(['PER', 'ORG', 'LOC'])
const all = scorer.scores()
out.push(
  `${'PER+ORG+LOC'.padEnd(12)} P ${pct(core.precision)}  R ${pct(core.recall)}  F1 ${pct(core.f1)}`,
)
out.push(`${'overall'.padEnd(12)} P ${pct(all.precision)}  R ${pct(all.recall)}  F1 ${pct(all.f1)}`)
const tokensPerSecond = Math.round(tokens / seconds)
const tokensPerCpuSecond = Math.round(tokens / cpuSeconds)
out.push(
  `speed        ${tokensPerSecond.toLocaleString('en')} tokens/s wall (median of 3 passes, ${seconds.toFixed(2)} s), ` +
    `${tokensPerCpuSecond.toLocaleString('en')} tokens per CPU-second`,
)
out.push(`model load   ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU`)
process.stdout.write(`${out.join('\n')}\n`)
if (values.json) {
  const result = {
    file: values.file,
    tokens,
    types: rows,
    core,
    overall: all,
    tokensPerSecond,
    loadMs,
  }
  writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)
}
