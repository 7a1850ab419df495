/**
 * `npm run bench:http`: latency of the reader under load on loopback — article pages, search
 * pages (articles and quotes), the front page and the JSON API — at 32 concurrent keep-alive
 * connections. Not a test: it prints a table and writes JSON.
 *
 * The server runs in a child process (`lede serve`, request logging on, as deployed) so the
 * load generator does not share its event loop; both share this machine's 2 cores, which makes
 * the figures pessimistic. The corpus is the demo corpus: `--db PATH`, else ./data/demo.db when
 * `npm start` has built it, else a fresh one built the same way into a temp folder. Each
 * scenario is bounded: at most `--requests` requests and `--seconds` seconds, after a warm-up.
 * Clients ask for gzip, as browsers do.
 *
 * `--prime` first asks once for every page a scenario can ask for (every article, every search
 * term), so the timed run measures a warm cache — a reader's steady state — rather than first views.
 *
 * Before the first scenario, both processes are warmed up for `--warmup-seconds` on pages no
 * scenario asks for (the entity list, health, the empty search form), so the first scenario does not pay
 * for the JIT; each scenario then has its own warm-up of `--warmup` requests. The load average is
 * printed at the start and the end: on a shared machine it says how pessimistic the figures are.
 *
 * Usage: npm run bench:http -- [--db PATH] [--connections 32] [--requests 4000] [--seconds 30]
 *          [--cache-ttl MS] [--prime] [--warmup-seconds 5] [--out bench/results/http.json]
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { seededRandom } from '../src/core/index.js'
import { demoMarker, loadDemo } from '../src/server/index.js'
import { openStore } from '../src/store/index.js'
import { parseCli } from './lib/cli.js'

const { values: args } = parseCli(
  {
    options: {
      db: { type: 'string' },
      connections: { type: 'string', default: '32' },
      requests: { type: 'string', default: '4000' },
      seconds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '300' },
      'warmup-seconds': { type: 'string', default: '5' },
      out: { type: 'string', default: 'bench/results/http.json' },
      'cache-ttl': { type: 'string', default: '300000' },
      prime: { type: 'boolean', default: false },
      /** Load a server that is already running (on the same --db) instead of starting one. */
      url: { type: 'string' },
      only: { type: 'string' },
    },
  },
  import.meta.url,
)
const CONNECTIONS = Number(args.connections)
const MAX_REQUESTS = Number(args.requests)
const MAX_SECONDS = Number(args.seconds)
const WARMUP = Number(args.warmup)

// 1. The corpus.
let dbPath = args.db ? resolve(args.db) : resolve('data/demo.db')
let tmp: string | undefined
if (!args.db && demoMarker(dbPath) === undefined) {
  tmp = mkdtempSync(join(tmpdir(), 'lede-bench-http-'))
  dbPath = join(tmp, 'demo.db')
  process.stderr.write(`building the demo corpus into ${dbPath}…\n`)
  const store = openStore({ path: dbPath })
  await loadDemo({ store, dbPath })
  await store.close()
}

// 2. What to ask for: every article, and search terms drawn from the corpus's titles.
const store = openStore({ path: dbPath, readonly: true })
const articleIds: string[] = []
for (let cursor: string | undefined, first = true; first || cursor; first = false) {
  const page = await store.listArticles({ limit: 100, ...(cursor && { cursor }) })
  articleIds.push(...page.items.map((a) => a.id))
  cursor = page.nextCursor
}
const words = new Map<string, number>()
for (const id of articleIds.slice(0, 400)) {
  const a = await store.getArticle(id)
  for (const w of (a?.title ?? '').toLowerCase().split(/[^a-z]+/))
    if (w.length >= 5) words.set(w, (words.get(w) ?? 0) + 1)
}
const terms = [...words.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 200)
  .map(([w]) => w)
const entityKeys = (await store.listEntities({ limit: 50 })).items.map((e) => e.key)
await store.close()
if (articleIds.length === 0) throw new Error(`no articles in ${dbPath}`)

// 3. The server, in its own process.
const child = args.url
  ? undefined
  : spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--db',
        dbPath,
        '--port',
        '0',
        '--cache-ttl',
        args['cache-ttl'],
      ],
      { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LEDE_LOG_LEVEL: 'info' } },
    )
const origin = await new Promise<string>((ok, fail) => {
  if (!child) return ok(args.url!)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => {
    out += String(d)
    const m = /at (http:\/\/\S+)/.exec(out)
    if (m) ok(m[1]!.replace('//localhost:', '//127.0.0.1:'))
  })
  child.once('exit', (code) => fail(new Error(`server exited with ${code}`)))
})
const url = new URL(origin)

// 4. The load.
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
const random = seededRandom(42)
const rand = (n: number) => Math.floor(random() * n)
const pick = <T>(xs: T[]) => xs[rand(xs.length)]!

function get(path: string): Promise<{ status: number; ms: number; bytes: number }> {
  const t0 = performance.now()
  return new Promise((ok, fail) => {
    const req = request(
      { host: url.hostname, port: url.port, path, agent, headers: { 'accept-encoding': 'gzip' } },
      (res) => {
        let bytes = 0
        res.on('data', (d: Buffer) => {
          bytes += d.length
        })
        res.on('end', () => ok({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }))
      },
    )
    req.on('error', fail)
    req.end()
  })
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

async function scenario(name: string, next: () => string, all: string[] = []) {
  if (args.only && !args.only.split(',').includes(name)) return undefined
  if (args.prime)
    for (let i = 0; i < all.length; i += CONNECTIONS)
      await Promise.all(all.slice(i, i + CONNECTIONS).map((p) => get(p)))
  for (let i = 0; i < WARMUP; i += CONNECTIONS)
    await Promise.all(Array.from({ length: CONNECTIONS }, () => get(next())))
  const times: number[] = []
  let errors = 0
  let bytes = 0
  let sent = 0
  const started = performance.now()
  const deadline = started + MAX_SECONDS * 1000
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (sent < MAX_REQUESTS && performance.now() < deadline) {
        sent++
        const r = await get(next())
        times.push(r.ms)
        bytes += r.bytes
        if (r.status !== 200) errors++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  return {
    name,
    requests: times.length,
    errors,
    rps: Math.round(times.length / seconds),
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    max: times[times.length - 1] ?? Number.NaN,
    kbPerResponse: Math.round(bytes / Math.max(1, times.length) / 100) / 10,
  }
}

const loadBefore = loadavg()
{
  const until = performance.now() + Number(args['warmup-seconds']) * 1000
  const pages = ['/entities', '/healthz', '/search']
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      for (let n = i; performance.now() < until; n++) await get(pages[n % pages.length]!)
    }),
  )
}

let loadAfter = loadBefore
const results: NonNullable<Awaited<ReturnType<typeof scenario>>>[] = []
const push = (r: Awaited<ReturnType<typeof scenario>>) => {
  if (r) results.push(r)
}
try {
  const articlePaths = articleIds.map((id) => `/article/${id}`)
  const searchPaths = terms.map((t) => `/search?q=${encodeURIComponent(t)}`)
  push(await scenario('article page', () => pick(articlePaths), articlePaths))
  push(await scenario('search page', () => pick(searchPaths), searchPaths))
  push(
    await scenario(
      'search page, two words',
      () => `/search?q=${encodeURIComponent(`${pick(terms)} ${pick(terms)}`)}`,
    ),
  )
  push(
    await scenario(
      'quote search page',
      () => `/search?mode=quotes&q=${encodeURIComponent(pick(terms))}`,
    ),
  )
  push(await scenario('front page', () => '/'))
  push(await scenario('API article', () => `/api/v1/articles/${pick(articleIds)}`))
  push(await scenario('API search', () => `/api/v1/search?q=${encodeURIComponent(pick(terms))}`))
  if (entityKeys.length > 0)
    push(await scenario('entity page', () => `/entity/${encodeURIComponent(pick(entityKeys))}`))
} finally {
  loadAfter = loadavg()
  agent.destroy()
  child?.kill('SIGTERM')
  if (tmp) rmSync(tmp, { recursive: true, force: true })
}

const f = (n: number) => n.toFixed(1).padStart(7)
console.log(
  `\nLede HTTP bench: ${articleIds.length} articles, ${CONNECTIONS} connections, response cache ${args['cache-ttl']} ms${args.prime ? ' (primed)' : ''}, ≤${MAX_REQUESTS} requests or ≤${MAX_SECONDS} s per scenario; Node ${process.version}, ${cpus().length} cores (shared with the load generator); load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadAfter.map((x) => x.toFixed(2)).join(' ')} at the end\n`,
)
console.log(
  'scenario                    requests  errors    rps   p50 ms  p95 ms  p99 ms  max ms   kB',
)
for (const r of results)
  console.log(
    `${r.name.padEnd(26)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.rps).padStart(6)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${f(r.max)} ${String(r.kbPerResponse).padStart(5)}`,
  )
mkdirSync(dirname(args.out), { recursive: true })
writeFileSync(
  args.out,
  `${JSON.stringify({ at: new Date().toISOString(), cacheTtlMs: Number(args['cache-ttl']), primed: args.prime, node: process.version, cores: cpus().length, loadavg: { start: loadBefore, end: loadAfter }, connections: CONNECTIONS, articles: articleIds.length, results }, null, 2)}\n`,
)
console.log(`\nwrote ${args.out}`)
if (existsSync(dbPath) && tmp) rmSync(tmp, { recursive: true, force: true })
