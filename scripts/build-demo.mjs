#!/usr/bin/env node
// Builds the bundled demo corpus, demo/wikinews.jsonl.gz, from the English Wikinews sets in
// ../shared/data/demo (or the folder given as the first argument): all of the 2019–2020 set, and
// the articles of some story groups of the 2004–2018 set, so that stories have several articles.
// Also writes demo/ATTRIBUTION and copies the source repositories' licence files.
//
//   node scripts/build-demo.mjs [path/to/shared/data/demo]
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const from = process.argv[2] ?? join(root, '..', 'shared', 'data', 'demo')
const out = join(root, 'demo')

// Groups of 3 or more articles (30 groups, 111 articles) and the first 40 pairs: enough stories
// with several articles to show linking, small enough that the first start stays well under 90 s.
const MIN_GROUP = 3
const PAIRS = 40

const readJsonl = (file) =>
  gunzipSync(readFileSync(join(from, file)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))

const keep = ({ id, title, date, url, text, categories }) => ({
  id,
  title,
  date,
  url,
  text,
  categories: categories ?? [],
})

const recent = readJsonl('wikinews-en-2019-2020.jsonl.gz')
const older = new Map(readJsonl('wikinews-en-2004-2018.jsonl.gz').map((a) => [a.id, a]))
const groups = readFileSync(join(from, 'wikinews-en-2004-2018.story-groups.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l))
  .sort((a, b) => a.group - b.group)
const big = groups.filter((g) => g.ids.length >= MIN_GROUP)
// The 39-article group is one long-running topic rather than a story; leave it out.
const chosen = [
  ...big.filter((g) => g.ids.length <= 12),
  ...groups.filter((g) => g.ids.length === 2).slice(0, PAIRS),
]
const ids = new Set(chosen.flatMap((g) => g.ids))
const articles = [...[...ids].map((id) => older.get(id)).filter(Boolean), ...recent]
  .map(keep)
  // Not news: empty stubs, and Wikinews' self-publishing test pages that the 2021 scrape kept.
  .filter((a) => a.text.trim().length >= 200 && !/^TEST PAGE:/i.test(a.title))
articles.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))

mkdirSync(out, { recursive: true })
const body = `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`
writeFileSync(join(out, 'wikinews.jsonl.gz'), gzipSync(body, { level: 9 }))
copyFileSync(join(from, 'toscaData-LICENSE.md'), join(out, 'toscaData-LICENSE.md'))
copyFileSync(join(from, 'vanatteveldt-LICENSE.md'), join(out, 'vanatteveldt-LICENSE.md'))
writeFileSync(
  join(out, 'ATTRIBUTION'),
  `The demo corpus (demo/wikinews.jsonl.gz): ${articles.length} English Wikinews articles.

News articles from Wikinews (https://en.wikinews.org), © Wikinews contributors, licensed under
CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); articles created on or before 25 September
2005 are in the public domain. Selection and extraction of the 2004–2018 set: the toscaData R package
by L. Koppers, J. Rieger, K. Boczek and G. von Nordheim (https://github.com/Docma-TU/toscaData,
CC BY 4.0); the 2019–2020 set: github.com/vanatteveldt/wikinews. Modified: wiki markup removed,
paragraphs re-split, some link text lost. Each article's \`url\` links to its Wikinews page.

Further modified for Lede's demo: ${chosen.length} story groups of the 2004–2018 set and all of the
2019–2020 set were selected (scripts/build-demo.mjs). When \`npm start\` runs, Lede renders these
articles as HTML pages and RSS feeds of its own on a loopback port and reads them back: that HTML
is Lede's rendering, not Wikinews' own pages.

Licence files of the source repositories: toscaData-LICENSE.md, vanatteveldt-LICENSE.md.
`,
)
console.log(
  `demo/wikinews.jsonl.gz: ${articles.length} articles (${chosen.length} story groups of 2004–2018 and the 2019–2020 set)`,
)
