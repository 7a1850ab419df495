/**
 * Quote benchmark over PolNeAR-format JSONL (one article per line: id, text, gold quotes).
 *
 *   npm run bench:quotes -- --file ../shared/data/quotes-polnear/dev.jsonl --out pred.jsonl
 *     [--check ../shared/scorers/score_quotes.mjs] [--json result.json] [--bare] [--debug]
 *
 * Each article goes through `analyze()` (sentences, the cast, quotes), and the quotes it returns are
 * scored: the reference scorer's figures for quote-marked attributions (--types direct,mixed) and
 * for all attributions are printed and the predictions written in the scorer's format. Speed is
 * the quote finder's alone, on top of the sentences and entities already computed. With --bare,
 * the finder gets the bare text (no sentences, no cast). With --check, the reference scorer runs on
 * the same files and the process fails if any figure differs from ours.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { ARTICLE_SCHEMA, type Article, type Quote } from '../src/core/index.js'
import { analyze } from '../src/nlp/index.js'
import { findQuotes, type QuoteInput } from '../src/nlp/quotes/index.js'
import { parseCli } from './lib/cli.js'
import { blocksOf, loadPolnear, toPolnear } from './polnear.js'
import { type Scores, scoreQuotes } from './score-quotes.js'

const { values } = parseCli(
  {
    options: {
      file: { type: 'string', default: '../shared/data/quotes-polnear/dev.jsonl' },
      out: { type: 'string' },
      check: { type: 'string' },
      json: { type: 'string' },
      bare: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '5' },
    },
  },
  import.meta.url,
)

const articles = loadPolnear(values.file!)

/** A PolNeAR text as the Article that `lede extract` would make of it. */
function articleOf(text: string): Article {
  return {
    schema: ARTICLE_SCHEMA,
    text,
    blocks: blocksOf(text),
    authors: [],
    related: [],
    removed: [],
    extraction: { inputFormat: 'text', method: 'polnear', confidence: 1 },
  }
}

// quality: what the pipeline returns (entities are computed here, outside the timed passes)
const inputs: QuoteInput[] = []
const predicted: Quote[][] = []
for (const a of articles) {
  const article = articleOf(a.text)
  if (values.bare) {
    const input = { text: a.text, blocks: article.blocks, sentences: [], entities: [] }
    inputs.push(input)
    predicted.push(findQuotes(input))
  } else {
    const { annotations } = analyze(article)
    inputs.push({
      text: a.text,
      blocks: article.blocks,
      sentences: annotations.sentences,
      entities: annotations.entities,
    })
    predicted.push(annotations.quotes)
  }
}

// speed: whole passes over the file after a warm-up pass; the best pass counts. Both
// wall-clock and CPU time are reported: on a shared machine the CPU figure is the steadier one.
const rounds = Math.max(1, Number(values.rounds))
for (const input of inputs) findQuotes(input)
let best = Number.POSITIVE_INFINITY
let bestCpu = Number.POSITIVE_INFINITY
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  let n = 0
  for (const input of inputs) n += findQuotes(input).length
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const cpu = process.cpuUsage(c0)
  if (n < 0) console.log(n) // keep the work observable
  best = Math.min(best, ms)
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000)
}
const perSecond = (articles.length / best) * 1000
const perCpuSecond = (articles.length / bestCpu) * 1000

const preds = articles.map((a, i) => toPolnear(a, predicted[i]!, values.debug))
if (values.out !== undefined) {
  writeFileSync(values.out, `${preds.map((p) => JSON.stringify(p)).join('\n')}\n`)
}

const gold = new Map(articles.map((a) => [a.id, a]))
const pred = new Map(preds.map((p) => [p.id, p]))
const marked = scoreQuotes(gold, pred, { types: ['direct', 'mixed'] })
const all = scoreQuotes(gold, pred)

function line(label: string, s: Scores): string {
  const c = s.content_jaccard50
  const e = s.attribution_end_to_end
  return [
    label.padEnd(28),
    `gold ${String(s.gold_quotes).padStart(5)}`,
    `content F1 (jac≥0.5) ${c.F1.toFixed(1).padStart(5)} (P ${c.P.toFixed(1)} R ${c.R.toFixed(1)})`,
    `exact F1 ${s.content_exact.F1.toFixed(1).padStart(5)}`,
    `speaker lenient ${s.speaker_on_matched.lenient_acc.toFixed(1).padStart(5)}`,
    `strict ${s.speaker_on_matched.strict_acc.toFixed(1).padStart(5)}`,
    `end-to-end F1 ${e.F1.toFixed(1).padStart(5)} (P ${e.P.toFixed(1)} R ${e.R.toFixed(1)})`,
  ].join('  ')
}

console.log(`${values.file}: ${articles.length} articles`)
console.log(line('quote-marked (direct,mixed)', marked))
console.log(line('all attributions', all))
console.log(
  `speed: ${perSecond.toFixed(0)} articles/s wall-clock, ${perCpuSecond.toFixed(0)} articles per CPU-second (quote finder ${values.bare ? 'on bare text' : 'on top of sentences and entities'}, best of ${rounds} passes, ${(bestCpu / articles.length).toFixed(2)} CPU-ms/article)`,
)

if (values.json !== undefined) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        file: values.file,
        marked,
        all,
        articlesPerSecond: perSecond,
        articlesPerCpuSecond: perCpuSecond,
      },
      null,
      2,
    ),
  )
}

if (values.debug) {
  // per kind: how many predictions matched a gold attribution of any type (jac ≥ 0.5)
  const byKind = new Map<string, { n: number; hit: number }>()
  articles.forEach((a, i) => {
    for (const q of preds[i]!.quotes) {
      const k = byKind.get(q.type!) ?? { n: 0, hit: 0 }
      k.n++
      const qs = new Set<number>()
      for (const s of q.segments!) for (let x = s.start; x < s.end; x++) qs.add(x)
      const hit = a.quotes.some((g) => {
        const gs = new Set<number>()
        for (const s of g.segments ?? [g]) for (let x = s.start; x < s.end; x++) gs.add(x)
        let inter = 0
        for (const x of qs) if (gs.has(x)) inter++
        return inter / (qs.size + gs.size - inter) >= 0.5
      })
      if (hit) k.hit++
      byKind.set(q.type!, k)
    }
  })
  for (const [k, v] of byKind)
    console.log(`  ${k}: ${v.n} predicted, ${v.hit} match a gold attribution`)
}

if (values.check !== undefined) {
  if (values.out === undefined) throw new Error('--check needs --out')
  let failed = false
  for (const [label, ours, extra] of [
    ['direct,mixed', marked, ['--types', 'direct,mixed']],
    ['all', all, []],
  ] as const) {
    const ref = JSON.parse(
      execFileSync('node', [values.check, values.file!, values.out, ...extra], {
        encoding: 'utf8',
      }),
    ) as unknown
    const same = JSON.stringify(ref) === JSON.stringify(ours)
    console.log(`check against ${values.check} (${label}): ${same ? 'identical' : 'DIFFERENT'}`)
    if (!same) {
      failed = true
      console.log(JSON.stringify(ref), '\n', JSON.stringify(ours))
    }
  }
  if (failed) process.exit(1)
}
