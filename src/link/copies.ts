/**
 * @module Copies and syndication. Each body is cut into word shingles and signed with MinHash;
 * LSH bands find candidate earlier articles; a verify step measures exact shingle containment
 * (how much of the shorter text the longer one holds) and accepts a copy above a threshold.
 * Copies form groups; the group's origin is the wire's own article when one is present, else
 * the earliest; the wire a text credits is reported with the link.
 */
import { parseTime } from './features.js'
import { bandKeys, intersectionSize, MinHasher, shingles } from './minhash.js'
import type { CopyLink, LinkInput } from './types.js'
import { creditedWire, wireOfUrl } from './wire.js'

export interface CopyOptions {
  /** Words per shingle. */
  shingleWords: number
  /** LSH: bands × rows = hash functions. */
  bands: number
  rows: number
  /** Least containment (shared shingles / shingles of the shorter text) for a copy. */
  minContainment: number
  /** Least shingles a body needs to take part (shorter bodies are not compared). */
  minShingles: number
  /** Shingle sets kept for the last this many articles (older ones are not compared). */
  windowArticles: number
}

/** What the detector remembers of an article. */
interface Entry {
  id: string
  seq: number
  time: number | undefined
  shingles: Uint32Array
  keys: string[]
  /** The wire whose own site published it, or the wire it credits. */
  ownWire: string | undefined
  credited: string | undefined
  /** Index into `groups`. */
  group: Group
}

interface Group {
  origin: Entry
  /** The wire any member credits. */
  wire: string | undefined
}

/** Serialisable state: recent entries (shingles as arrays) and group origins. */
export interface CopyDetectorState {
  seq: number
  entries: {
    id: string
    seq: number
    time?: number
    shingles: number[]
    ownWire?: string
    credited?: string
    origin: string
    wire?: string
  }[]
  /** Copies of articles that left the window: article id → origin id. */
  originOf: [string, string][]
}

export class CopyDetector {
  private readonly hasher: MinHasher
  private readonly buckets = new Map<string, Entry[]>()
  private readonly entries = new Map<string, Entry>()
  private readonly queue: Entry[] = []
  private head = 0
  private seq = 0
  /** article id → origin id, for every copy ever found (small: copies only). */
  private readonly originOf = new Map<string, string>()

  constructor(readonly options: CopyOptions) {
    this.hasher = new MinHasher(options.bands * options.rows)
  }

  /** The origin of an article's copy group (itself when it is not a copy). */
  origin(articleId: string): string {
    return this.originOf.get(articleId) ?? articleId
  }

  /**
   * Checks one article against the recent ones and remembers it. Returns the copy link when it
   * copies an earlier article (or is copied by nothing yet: undefined).
   */
  add(input: LinkInput, authors: readonly string[] = []): CopyLink | undefined {
    this.seq++
    const text = input.text ?? ''
    const set = shingles(text, this.options.shingleWords)
    if (set.length < this.options.minShingles) return undefined
    const sig = this.hasher.sign(set)
    const keys = bandKeys(sig, this.options.bands, this.options.rows)
    // Candidates: every recent article sharing a band.
    const seen = new Set<Entry>()
    for (const k of keys) for (const e of this.buckets.get(k) ?? []) seen.add(e)
    let best: { entry: Entry; containment: number } | undefined
    for (const e of seen) {
      const shared = intersectionSize(set, e.shingles)
      const containment = shared / Math.min(set.length, e.shingles.length)
      if (containment < this.options.minContainment) continue
      if (!best || containment > best.containment) best = { entry: e, containment }
    }
    const credited = creditedWire(text, authors)
    const ownWire = wireOfUrl(input.canonicalUrl ?? input.url)
    const entry: Entry = {
      id: input.id,
      seq: this.seq,
      time: parseTime(input.publishedAt),
      shingles: set,
      keys,
      ownWire,
      credited,
      group: undefined as unknown as Group,
    }
    let link: CopyLink | undefined
    if (best) {
      const group = best.entry.group
      entry.group = group
      group.wire ??= credited ?? ownWire
      // The wire's own article is the origin, even when an aggregator was faster.
      if (ownWire !== undefined && group.origin.ownWire === undefined) group.origin = entry
      if (group.origin !== entry) {
        link = {
          articleId: input.id,
          originId: group.origin.id,
          similarity: round(best.containment),
        }
        if (group.wire !== undefined) link.wire = group.wire
        this.originOf.set(input.id, group.origin.id)
      }
    } else {
      entry.group = { origin: entry, wire: credited ?? ownWire }
    }
    this.remember(entry)
    return link
  }

  private remember(e: Entry): void {
    this.entries.set(e.id, e)
    this.queue.push(e)
    for (const k of e.keys) {
      let b = this.buckets.get(k)
      if (!b) {
        b = []
        this.buckets.set(k, b)
      }
      b.push(e)
    }
    const minSeq = this.seq - this.options.windowArticles
    while (this.head < this.queue.length && this.queue[this.head]!.seq <= minSeq) {
      const old = this.queue[this.head++]!
      this.entries.delete(old.id)
      for (const k of old.keys) {
        const b = this.buckets.get(k)
        if (!b) continue
        const i = b.indexOf(old)
        if (i >= 0) b.splice(i, 1)
        if (b.length === 0) this.buckets.delete(k)
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head)
      this.head = 0
    }
  }

  toJSON(): CopyDetectorState {
    const entries: CopyDetectorState['entries'] = []
    for (let i = this.head; i < this.queue.length; i++) {
      const e = this.queue[i]!
      const s: CopyDetectorState['entries'][number] = {
        id: e.id,
        seq: e.seq,
        shingles: [...e.shingles],
        origin: e.group.origin.id,
      }
      if (e.time !== undefined) s.time = e.time
      if (e.ownWire !== undefined) s.ownWire = e.ownWire
      if (e.credited !== undefined) s.credited = e.credited
      if (e.group.wire !== undefined) s.wire = e.group.wire
      entries.push(s)
    }
    return { seq: this.seq, entries, originOf: [...this.originOf] }
  }

  restore(state: CopyDetectorState): void {
    this.buckets.clear()
    this.entries.clear()
    this.queue.length = 0
    this.head = 0
    this.originOf.clear()
    for (const [a, o] of state.originOf) this.originOf.set(a, o)
    const groups = new Map<string, Group>()
    const pending: [Entry, string, string | undefined][] = []
    for (const s of state.entries) {
      const set = Uint32Array.from(s.shingles)
      const e: Entry = {
        id: s.id,
        seq: s.seq,
        time: s.time,
        shingles: set,
        keys: bandKeys(this.hasher.sign(set), this.options.bands, this.options.rows),
        ownWire: s.ownWire,
        credited: s.credited,
        group: undefined as unknown as Group,
      }
      pending.push([e, s.origin, s.wire])
      this.seq = s.seq
      this.remember(e)
    }
    for (const [e, originId, wire] of pending) {
      let g = groups.get(originId)
      if (!g) {
        const origin = this.entries.get(originId) ?? e
        g = { origin, wire }
        groups.set(originId, g)
      }
      e.group = g
    }
    this.seq = state.seq
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
