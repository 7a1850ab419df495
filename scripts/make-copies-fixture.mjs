#!/usr/bin/env node
// Builds test/link/wikinews-sample.jsonl: a slice of English Wikinews 2019–2020 (CC BY 2.5; see
// test/link/ATTRIBUTION.md) for the copies test, which rewrites these articles by rules.
// Half the slice is about the coronavirus pandemic, so that different articles on one subject
// (sharing background sentences) are in it: they must not be taken for copies.
//   node scripts/make-copies-fixture.mjs [../shared/data/demo/wikinews-en-2019-2020.jsonl.gz]
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

const src =
  process.argv[2] ??
  new URL('../../../shared/data/demo/wikinews-en-2019-2020.jsonl.gz', import.meta.url).pathname
const docs = gunzipSync(readFileSync(src))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
const PARAS = 7
const usable = docs
  .map((d) => ({
    ...d,
    paras: d.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 40),
  }))
  .filter((d) => d.paras.length >= 4)
  .sort((a, b) => (a.id < b.id ? -1 : 1))
const covid = usable.filter((d) => /coronavirus|COVID-19/i.test(d.text)).slice(0, 30)
const other = usable.filter((d) => !/coronavirus|COVID-19/i.test(d.text)).slice(0, 30)
const out = [...covid, ...other].map((d) =>
  JSON.stringify({
    id: d.id,
    title: d.title,
    date: d.date,
    url: d.url,
    text: d.paras.slice(0, PARAS).join('\n\n'),
  }),
)
writeFileSync(new URL('../test/link/wikinews-sample.jsonl', import.meta.url), `${out.join('\n')}\n`)
console.log(`${out.length} articles (${covid.length} on the pandemic)`)
