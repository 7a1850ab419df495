/**
 * `npm run test:crash`: crash safety of `lede ingest`. Not part of `npm test` (it takes minutes).
 *
 * 1. Writes 2,000 documents as JSON lines (seeded, synthetic: headlines with metadata only, and
 *    articles with a text body), and ingests them once without interruption: the reference.
 * 2. Twenty times, into a fresh database: starts `lede ingest`, kills it with SIGKILL at a random
 *    moment of the run (after a random number of documents is recorded, plus 0–300 ms, so the
 *    kill lands before, between or during commits whatever the machine's speed), checks the database it left (SQLite and FTS5 integrity, no half article),
 *    restarts the same command and lets it run to the end, then checks that the result is the
 *    reference: every document stored exactly once (same article ids, same content), the same
 *    failures recorded once each, and the integrity checks pass again.
 *
 * Usage: npm run test:crash -- [--trials 20] [--docs 2000] [--seed N] [--keep]
 * Prints `N passed, N failed` and exits non-zero on any failure.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { parseCli } from '../bench/lib/cli.js'
import { seededRandom } from '../src/core/index.js'

const { values: args } = parseCli(
  {
    options: {
      trials: { type: 'string', default: '20' },
      docs: { type: 'string', default: '2000' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  },
  import.meta.url,
)

const ROOT = resolve(import.meta.dirname, '..')
const seed = args.seed !== undefined ? Number(args.seed) : Math.floor(Math.random() * 2 ** 31)
const work = mkdtempSync(join(tmpdir(), 'lede-crash-'))
const input = join(work, 'docs.jsonl')

const random = seededRandom(seed) // a failing run repeats with --seed
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

const NAMES = ['Jane Roe', 'John Doe', 'Maria Silva', 'Ahmed Khan', 'Li Wei', 'Anna Novak']
const PLACES = ['Lyon', 'Nairobi', 'Lima', 'Osaka', 'Gdansk', 'Austin']
const TOPICS = ['budget', 'floods', 'election', 'strike', 'vaccine', 'harbour', 'tariffs', 'rail']

function makeDocuments(n: number): string {
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    const topic = pick(TOPICS)
    const place = pick(PLACES)
    const who = pick(NAMES)
    const date = new Date(
      Date.UTC(2024, 0, 1) + Math.floor(random() * 300 * 86_400_000),
    ).toISOString()
    const title = `${place} ${topic}: ${who} responds (${i})`
    const url = `https://news${i % 7}.example/${topic}/${i}`
    if (i % 2 === 0) {
      lines.push(JSON.stringify({ url, title, date, source: `News ${i % 7}` }))
    } else {
      const paragraphs = Array.from({ length: 3 + Math.floor(random() * 5) }, (_, p) =>
        p % 2 === 0
          ? `"The ${topic} in ${place} will not wait," ${who} said on ${date.slice(0, 10)}. Report ${i}.${p}.`
          : `Officials in ${place} met ${pick(NAMES)} to discuss the ${topic} and the ${pick(TOPICS)} plans.`,
      )
      lines.push(
        JSON.stringify({
          url,
          title,
          date,
          source: `News ${i % 7}`,
          text: paragraphs.join('\n\n'),
        }),
      )
    }
  }
  return `${lines.join('\n')}\n`
}

/** Starts `lede ingest` on the input; resolves with its exit code or the signal that ended it. */
/** When to kill a run: once this many documents are recorded (articles + failures), then after a delay. */
interface KillAt {
  processed: number
  delayMs: number
}

/** Documents recorded so far in a database another process is writing, or -1 before its schema. */
function processed(db: string): number {
  if (!existsSync(db)) return -1
  try {
    const r = new Database(db, { readonly: true, fileMustExist: true })
    try {
      return (
        r
          .prepare('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM failures) AS n')
          .get() as {
          n: number
        }
      ).n
    } finally {
      r.close()
    }
  } catch {
    return -1
  }
}

function ingest(
  db: string,
  kill?: KillAt,
): Promise<{ code: number | null; signal: string | null; ms: number; seen: number }> {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'ingest',
        input,
        '--db',
        db,
        '--quiet',
        '--json',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    // Watch the database from outside (a reader beside the writer, as WAL allows) and kill the
    // run at a random point of its progress: the moment does not depend on the machine's speed.
    let seen = 0
    let timer: NodeJS.Timeout | undefined
    const poll =
      kill === undefined
        ? undefined
        : setInterval(() => {
            seen = processed(db)
            if (seen < kill.processed) return
            clearInterval(poll)
            timer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs)
          }, 25)
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll)
      if (timer) clearTimeout(timer)
      if (code !== null && code !== 0) process.stderr.write(stderr)
      done({ code, signal, ms: performance.now() - started, seen })
    })
  })
}

interface Snapshot {
  articles: Map<string, string>
  failures: Set<string>
}

/** Integrity and consistency of a database left by a run (killed or not). Throws on a problem. */
function check(path: string): Snapshot {
  const db = new Database(path)
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`)
    // Killed before the first migration committed: an empty database is a consistent one.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'articles'").get())
      return { articles: new Map(), failures: new Set() }
    db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run()
    db.prepare("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')").run()
    const bad = (sql: string, what: string) => {
      const n = (db.prepare(sql).get() as { n: number }).n
      if (n !== 0) throw new Error(`${n} ${what}`)
    }
    bad('SELECT count(*) - count(DISTINCT id) AS n FROM articles', 'duplicate article ids')
    bad(
      'SELECT count(*) AS n FROM (SELECT url_key FROM articles WHERE latest = 1 AND url_key IS NOT NULL GROUP BY url_key HAVING count(*) > 1)',
      'URLs with two latest revisions',
    )
    bad(
      "SELECT count(*) AS n FROM articles a WHERE a.analyze_status = 'ok' AND NOT EXISTS (SELECT 1 FROM annotations n WHERE n.seq = a.seq)",
      'analysed articles without their annotations (half an article)',
    )
    bad(
      'SELECT count(*) AS n FROM articles a WHERE a.quote_count <> (SELECT count(*) FROM quotes q WHERE q.seq = a.seq)',
      'articles whose quotes are missing or extra (half an article)',
    )
    bad(
      'SELECT count(*) AS n FROM articles a WHERE a.raw_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM raw r WHERE r.seq = a.seq)',
      'articles without their raw input (half an article)',
    )
    bad(
      `SELECT count(*) AS n FROM entities e WHERE e.article_count <> (
         SELECT count(DISTINCT x.seq) FROM (
           SELECT seq FROM article_entities WHERE key = e.key
           UNION SELECT seq FROM quotes WHERE speaker_key = e.key) x
         JOIN articles a ON a.seq = x.seq AND a.latest = 1)`,
      'entities whose article count disagrees with their articles',
    )
    const articles = new Map(
      (
        db.prepare('SELECT id, content_hash FROM articles').all() as {
          id: string
          content_hash: string
        }[]
      ).map((r) => [r.id, r.content_hash]),
    )
    const failures = new Set(
      (db.prepare('SELECT key, attempts FROM failures').all() as { key: string }[]).map(
        (r) => r.key,
      ),
    )
    return { articles, failures }
  } finally {
    db.close()
  }
}

function same(a: Snapshot, ref: Snapshot): string | undefined {
  if (a.articles.size !== ref.articles.size)
    return `${a.articles.size} articles, the reference has ${ref.articles.size}`
  for (const [id, hash] of ref.articles)
    if (a.articles.get(id) !== hash) return `article ${id} is missing or differs`
  if (a.failures.size !== ref.failures.size)
    return `${a.failures.size} failures, the reference has ${ref.failures.size}`
  for (const k of ref.failures) if (!a.failures.has(k)) return `failure ${k} is missing`
  return undefined
}

const fresh = (name: string) => {
  const p = join(work, `${name}.db`)
  for (const s of ['', '-wal', '-shm']) rmSync(p + s, { force: true })
  return p
}

let passed = 0
let failed = 0
try {
  const n = Number(args.docs)
  writeFileSync(input, makeDocuments(n))
  console.log(`crash test: ${n} documents, ${args.trials} kills, seed ${seed}, in ${work}`)
  const refDb = fresh('reference')
  const ref = await ingest(refDb)
  if (ref.code !== 0) throw new Error(`the reference run failed (exit ${ref.code})`)
  const reference = check(refDb)
  console.log(
    `reference: ${reference.articles.size} articles, ${reference.failures.size} failures, ${(ref.ms / 1000).toFixed(1)} s`,
  )
  const trials = Number(args.trials)
  for (let t = 1; t <= trials; t++) {
    const db = fresh(`trial-${t}`)
    // Anywhere from before the first write to the last documents, and anywhere between commits.
    let killed = await ingest(db, {
      processed: Math.floor(random() * n),
      delayMs: Math.floor(random() * 300),
    })
    let tries = 1
    while (killed.signal !== 'SIGKILL' && tries < 5) {
      // The run ended before the kill: try an earlier point.
      killed = await ingest(fresh(`trial-${t}`), {
        processed: Math.floor(random() * n * 0.8),
        delayMs: 0,
      })
      tries++
    }
    try {
      if (killed.signal !== 'SIGKILL') throw new Error('could not kill a run before it ended')
      const left = check(db)
      const finished = await ingest(db)
      if (finished.code !== 0) throw new Error(`the restarted run failed (exit ${finished.code})`)
      const diff = same(check(db), reference)
      if (diff) throw new Error(diff)
      passed++
      console.log(
        `trial ${String(t).padStart(2)}: killed at ${(killed.ms / 1000).toFixed(2)} s with ${left.articles.size} articles and ${left.failures.size} failures recorded; restarted, finished: ok`,
      )
    } catch (e) {
      failed++
      console.log(
        `trial ${String(t).padStart(2)}: FAILED: ${e instanceof Error ? e.message : String(e)}`,
      )
    }
  }
} catch (e) {
  failed++
  console.log(`FAILED: ${e instanceof Error ? e.message : String(e)}`)
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true })
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
