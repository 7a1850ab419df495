/**
 * `lede stories`: the latest stories with their article counts and outlets. `lede story <id>`:
 * one story — its articles in time order, copies folded under their origin with what they
 * changed, why each article joined, related stories. `lede story move | merge | split`: the
 * user's corrections, kept by the store and respected by every later `lede ingest`.
 * JSON when stdout is not a terminal (or with --json).
 */
import type { Command } from 'commander'
import { Option } from 'commander'
import { LedeError } from '../../core/index.js'
import type { CopyDiff } from '../../link/index.js'
import type { StoryReason, StoryView } from '../../pipeline/index.js'
import { outletsOf, readStory } from '../../pipeline/index.js'
import type { ArticleSummary, Store, StorySummary } from '../../store/index.js'
import { commandConfig, dbOption, openCorpus } from '../corpus.js'
import type { CommandIo } from './ingest.js'

export interface StoriesFlags {
  db?: string
  limit: string
  cursor?: string
  from?: string
  to?: string
  source?: string
  json?: boolean
}

export interface StoryFlags {
  db?: string
  json?: boolean
  /** False with `--no-diff`: copies are listed without diffing them. */
  diff?: boolean
}

type Io = Pick<CommandIo, 'stdout' | 'env'>
const processIo = (): Io => ({ stdout: process.stdout, env: process.env })

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description('list the latest stories: articles, outlets, first and latest article')
    .addOption(dbOption())
    .addOption(new Option('--limit <n>', 'stories per page (at most 100)').default('20'))
    .option('--cursor <cursor>', 'the next page, from a previous listing')
    .option('--from <date>', 'stories active on or after (ISO 8601)')
    .option('--to <date>', 'stories begun on or before (ISO 8601; a date includes the day)')
    .option('--source <source>', 'stories with an article from this site name, host or source id')
    .option('--json', 'JSON lines (the default when stdout is not a terminal)')
    .action(async (flags: StoriesFlags) => {
      process.exitCode = await runStories(flags)
    })

  const story = program
    .command('story')
    .description(
      'show a story (by its id, or an article id): articles, copies and what they changed, why each joined; move, merge, split correct it',
    )
    .argument('<id>', 'a story id, or the id of one of its articles')
    .addOption(dbOption())
    .option('--no-diff', 'do not diff copies against their origin')
    .option('--json', 'JSON (the default when stdout is not a terminal)')
    .action(async (id: string, flags: StoryFlags) => {
      process.exitCode = await runStory(id, flags)
    })
  story
    .command('move')
    .description('move an article to another story, or to a new one of its own')
    .argument('<article>', 'the article id')
    .argument('<story>', 'the story id, or new')
    .addOption(dbOption())
    .option('--json', 'JSON (the default when stdout is not a terminal)')
    .action(async (article: string, to: string, _flags: StoryFlags, cmd: Command) => {
      process.exitCode = await runStoryMove(article, to, cmd.optsWithGlobals<StoryFlags>())
    })
  story
    .command('merge')
    .description('merge a story into another: its articles join it, and it is gone')
    .argument('<into>', 'the story that stays')
    .argument('<from>', 'the story merged into it')
    .addOption(dbOption())
    .option('--json', 'JSON (the default when stdout is not a terminal)')
    .action(async (into: string, from: string, _flags: StoryFlags, cmd: Command) => {
      process.exitCode = await runStoryMerge(into, from, cmd.optsWithGlobals<StoryFlags>())
    })
  story
    .command('split')
    .description('take articles out of a story into a new story')
    .argument('<story>', 'the story id')
    .argument('<article...>', 'the articles that leave it')
    .addOption(dbOption())
    .option('--json', 'JSON (the default when stdout is not a terminal)')
    .action(async (storyId: string, articles: string[], _flags: StoryFlags, cmd: Command) => {
      process.exitCode = await runStorySplit(storyId, articles, cmd.optsWithGlobals<StoryFlags>())
    })
}

const isJson = (flags: { json?: boolean }, io: Io) =>
  flags.json === true || io.stdout.isTTY !== true

/** Opens the corpus (which must exist), runs `f`, closes it. */
async function withStore<T>(
  flags: { db?: string },
  io: Io,
  f: (store: Store) => Promise<T>,
): Promise<T> {
  const store = openCorpus(commandConfig(flags, io.env), true)
  try {
    return await f(store)
  } finally {
    await store.close()
  }
}

/** Runs `lede stories`; returns the exit code. */
export async function runStories(flags: StoriesFlags, io: Io = processIo()): Promise<number> {
  return withStore(flags, io, async (store) => {
    const page = await store.listStories({
      limit: Number.parseInt(flags.limit, 10) || 20,
      ...(flags.cursor !== undefined && { cursor: flags.cursor }),
      ...(flags.from !== undefined && { from: flags.from }),
      ...(flags.to !== undefined && { to: flags.to }),
      ...(flags.source !== undefined && { source: flags.source }),
    })
    const items: (StorySummary & { outlets: { name: string; articles: number }[] })[] = []
    for (const s of page.items) {
      const full = await store.getStory(s.id)
      items.push({ ...s, outlets: full ? outletsOf(full.articles) : [] })
    }
    if (isJson(flags, io)) {
      for (const s of items) io.stdout.write(`${JSON.stringify(s)}\n`)
      if (page.nextCursor) io.stdout.write(`${JSON.stringify({ nextCursor: page.nextCursor })}\n`)
      return 0
    }
    if (items.length === 0) {
      io.stdout.write('no stories yet: lede ingest links articles into stories as it stores them\n')
      return 0
    }
    const out = items.map((s) =>
      [
        s.title || '(untitled)',
        `  ${s.articleCount} article${s.articleCount === 1 ? '' : 's'} from ${s.outletCount} outlet${s.outletCount === 1 ? '' : 's'} · ${span(s.firstAt, s.lastAt)} · ${s.id}`,
        `  ${s.outlets
          .slice(0, 6)
          .map((o) => (o.articles > 1 ? `${o.name} (${o.articles})` : o.name))
          .join(', ')}${s.outlets.length > 6 ? ', …' : ''}`,
      ].join('\n'),
    )
    if (page.nextCursor) out.push(`more: --cursor ${page.nextCursor}`)
    io.stdout.write(`${out.join('\n\n')}\n`)
    return 0
  })
}

/** Runs `lede story <id>`; returns the exit code. */
export async function runStory(
  id: string,
  flags: StoryFlags,
  io: Io = processIo(),
): Promise<number> {
  return withStore(flags, io, async (store) => {
    const view = await readStory(store, id, { diffs: flags.diff !== false })
    if (!view)
      throw new LedeError('not_found', `no story or article ${id} (lede stories lists stories)`)
    if (isJson(flags, io)) {
      io.stdout.write(`${JSON.stringify(view)}\n`)
      return 0
    }
    io.stdout.write(`${showStory(view)}\n`)
    return 0
  })
}

/** Runs `lede story move <article> <story|new>`; returns the exit code. */
export async function runStoryMove(
  article: string,
  to: string,
  flags: StoryFlags,
  io: Io = processIo(),
): Promise<number> {
  return withStore(flags, io, async (store) => {
    const before = await store.getArticle(article)
    if (!before) throw new LedeError('not_found', `no article ${article}`)
    if (to !== 'new') await mustExist(store, to)
    const storyId = await store.moveArticle(article, to)
    return done(
      flags,
      io,
      { story: storyId, moved: [article], from: before.storyId ?? null },
      `moved ${article} to story ${storyId}`,
    )
  })
}

/** Runs `lede story merge <into> <from>`; returns the exit code. */
export async function runStoryMerge(
  into: string,
  from: string,
  flags: StoryFlags,
  io: Io = processIo(),
): Promise<number> {
  return withStore(flags, io, async (store) => {
    if (into === from) throw new LedeError('invalid_input', 'a story cannot be merged into itself')
    await mustExist(store, into)
    const gone = await mustExist(store, from)
    await store.mergeStories(into, from)
    return done(
      flags,
      io,
      { story: into, merged: from, articles: gone.articleCount },
      `merged story ${from} (${gone.articleCount} article${gone.articleCount === 1 ? '' : 's'}) into ${into}`,
    )
  })
}

/** Runs `lede story split <story> <article…>`; returns the exit code. */
export async function runStorySplit(
  storyId: string,
  articles: string[],
  flags: StoryFlags,
  io: Io = processIo(),
): Promise<number> {
  return withStore(flags, io, async (store) => {
    await mustExist(store, storyId)
    const created = await store.splitStory(storyId, articles)
    const moved = (await store.getStory(created))?.story.articleCount ?? 0
    return done(
      flags,
      io,
      { story: created, from: storyId, articles: moved },
      `split ${moved} article${moved === 1 ? '' : 's'} out of ${storyId} into story ${created}`,
    )
  })
}

async function mustExist(store: Store, storyId: string): Promise<StorySummary> {
  const s = await store.getStory(storyId)
  if (!s) throw new LedeError('not_found', `no story ${storyId} (lede stories lists them)`)
  return s.story
}

function done(flags: StoryFlags, io: Io, value: unknown, text: string): number {
  io.stdout.write(isJson(flags, io) ? `${JSON.stringify(value)}\n` : `${text}\n`)
  return 0
}

// ---- the text view ----

const when = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '----')

function span(first: string, last: string): string {
  const a = when(first)
  const b = when(last)
  if (a === b) return a
  return a.slice(0, 10) === b.slice(0, 10) ? `${a} → ${b.slice(11)}` : `${a} → ${b}`
}

const outletOf = (a: ArticleSummary) => a.siteName ?? a.host ?? 'unknown'
const headline = (a: ArticleSummary) =>
  `${when(a.publishedAt ?? a.fetchedAt)}  ${outletOf(a)}  ${a.title ?? '(untitled)'}  [${a.id}]`

/** Why an article is in the story, in a line. */
export function explain(why: StoryReason | undefined): string {
  if (!why) return 'no reason recorded'
  const r = why.reason
  if (r.kind === 'new') {
    const u = r.runnerUp
    return u?.protagonist
      ? `opened the story (about ${r.protagonist ?? 'someone else'}; story ${u.storyId}, at ${u.similarity}, is about ${u.protagonist})`
      : 'opened the story'
  }
  if (r.kind === 'user') return 'put here by hand'
  const parts = [`${r.kind === 'copy' ? 'followed its origin' : 'joined'} at ${why.similarity}`]
  if (r.terms.length) parts.push(`shared words: ${r.terms.join(', ')}`)
  if (r.entities.length) parts.push(`shared names: ${r.entities.join(', ')}`)
  if (r.quotes.length) parts.push(`shared quotes: ${r.quotes.map((q) => `“${q}”`).join(', ')}`)
  if (r.gapHours !== undefined) parts.push(`${r.gapHours} h after the story's latest article`)
  if (r.protagonist) parts.push(`about ${r.protagonist}`)
  if (r.runnerUp) {
    const about = r.runnerUp.protagonist ? ` (lowered: it is about ${r.runnerUp.protagonist})` : ''
    parts.push(`next best: story ${r.runnerUp.storyId} at ${r.runnerUp.similarity}${about}`)
  }
  return parts.join('; ')
}

/** What a copy changed, in a line. */
export function changes(d: CopyDiff | undefined): string {
  if (!d) return ''
  const parts: string[] = []
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
  if (d.headline) parts.push(`headline “${d.headline.to}”`)
  if (d.paragraphsAdded.length) parts.push(`${count(d.paragraphsAdded.length, 'paragraph')} added`)
  if (d.paragraphsRemoved.length)
    parts.push(`${count(d.paragraphsRemoved.length, 'paragraph')} cut`)
  if (d.sentencesAdded.length) parts.push(`${count(d.sentencesAdded.length, 'sentence')} added`)
  if (d.sentencesRemoved.length) parts.push(`${count(d.sentencesRemoved.length, 'sentence')} cut`)
  if (d.sentencesRewritten.length)
    parts.push(`${count(d.sentencesRewritten.length, 'sentence')} rewritten`)
  if (d.reordered) parts.push('sentences reordered')
  parts.push(`${Math.round(d.unchanged * 100)}% of the origin's sentences unchanged`)
  return parts.join(', ')
}

function showStory(v: StoryView): string {
  const s = v.story
  const lines = [
    s.title || '(untitled)',
    `story ${s.id} · ${s.articleCount} article${s.articleCount === 1 ? '' : 's'} from ${s.outletCount} outlet${s.outletCount === 1 ? '' : 's'} · ${span(s.firstAt, s.lastAt)}`,
    `outlets: ${v.outlets.map((o) => (o.articles > 1 ? `${o.name} (${o.articles})` : o.name)).join(', ')}`,
  ]
  if (s.people.length) lines.push(`people: ${s.people.map((p) => p.name).join(', ')}`)
  lines.push('')
  for (const a of v.articles) {
    lines.push(headline(a), `    ${explain(a.why)}`)
    if (a.copy)
      lines.push(
        `    copies ${a.copy.originId} (in another story; ${a.copy.wire ? `credits ${a.copy.wire}, ` : ''}${a.copy.similarity} of the text)`,
      )
    for (const r of a.rail)
      lines.push(`    its page recommends: ${r.target.title ?? '(untitled)'} [${r.toId}]`)
    for (const c of a.copies) {
      lines.push(
        `    ↳ copy: ${headline(c)}`,
        `      ${[c.copy.wire ? `credits ${c.copy.wire}` : 'no wire credited', `${c.copy.similarity} of the text shared`, changes(c.diff)].filter(Boolean).join('; ')}`,
      )
    }
  }
  if (v.related.length) {
    lines.push('', 'related stories:')
    for (const r of v.related)
      lines.push(`  ${r.score.toFixed(2)}  ${r.title ?? '(untitled)'}  [story ${r.storyId}]`)
  }
  return lines.join('\n')
}
