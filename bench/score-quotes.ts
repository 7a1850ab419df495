/**
 * A line-for-line port of the reference quote scorer (../shared/scorers/score_quotes.mjs), so the
 * benchmark prints its figures without shelling out. `bench:quotes --check` runs the reference
 * scorer on the same files and fails if any figure differs.
 */

export interface GoldQuote {
  start: number
  end: number
  segments?: { start: number; end: number }[]
  type?: string
  speaker_start?: number | null
  speaker_end?: number | null
  speaker_coref_silver?: { start: number; end: number } | null
}

export interface Doc {
  id: string
  text?: string
  quotes: GoldQuote[]
}

interface Tally {
  tp: number
  fp: number
  fn: number
}

export interface Prf extends Tally {
  P: number
  R: number
  F1: number
}

export interface Scores {
  gold_quotes: number
  predicted_quotes: number
  types: string[] | 'all'
  content_exact: Prf
  content_jaccard50: Prf
  content_overlap: Prf
  speaker_on_matched: { matched: number; lenient_acc: number; strict_acc: number }
  attribution_end_to_end: Prf
}

const TRIM = /^[\s]+|[\s,.;:]+$/g

function segs(q: GoldQuote): [number, number][] {
  return (q.segments?.length ? q.segments : [{ start: q.start, end: q.end }]).map((s) => [
    s.start,
    s.end,
  ])
}

function charSet(ranges: [number, number][]): Set<number> {
  const s = new Set<number>()
  for (const [a, b] of ranges) for (let i = a; i < b; i++) s.add(i)
  return s
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0
  for (const x of a) if (b.has(x)) inter++
  const uni = a.size + b.size - inter
  return uni ? inter / uni : 0
}

function trimmed(text: string, a: number, b: number): [number, number] {
  const t = text.slice(a, b)
  const lead = t.length - t.replace(/^\s+/, '').length
  const core = t.replace(TRIM, '')
  return [a + lead, a + lead + core.length]
}

function sameTrimmed(text: string, r1: [number, number][], r2: [number, number][]): boolean {
  if (r1.length !== r2.length) return false
  return r1.every((r, i) => {
    const x = trimmed(text, r[0], r[1])
    const y = trimmed(text, r2[i]![0], r2[i]![1])
    return x[0] === y[0] && x[1] === y[1]
  })
}

function speaker(q: GoldQuote): [number, number] | null {
  if (q.speaker_start == null || q.speaker_end == null) return null
  return [q.speaker_start, q.speaker_end]
}

/** Scores predictions against gold exactly as score_quotes.mjs does. */
export function scoreQuotes(
  gold: Map<string, Doc>,
  pred: Map<string, Doc>,
  opts: { types?: string[]; allowCorefSilver?: boolean } = {},
): Scores {
  const types = opts.types ? new Set(opts.types) : null
  const allowCoref = opts.allowCorefSilver === true
  const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 })
  const res = { exact: tally(), jac50: tally(), overlap: tally(), attribution: tally() }
  let matched = 0
  let spkLenient = 0
  let spkStrict = 0
  let goldN = 0
  let predN = 0
  for (const [id, g] of gold) {
    const text = g.text ?? ''
    const gq = g.quotes.map((q) => ({
      q,
      r: segs(q),
      c: charSet(segs(q)),
      keep: !types || types.has(q.type ?? ''),
    }))
    const pq = (pred.get(id)?.quotes ?? [])
      .filter((q) => !types || q.type == null || types.has(q.type))
      .map((q) => ({ q, r: segs(q), c: charSet(segs(q)) }))
    goldN += gq.filter((x) => x.keep).length
    for (const mode of ['exact', 'jac50', 'overlap'] as const) {
      const pairs: [number, number, number][] = []
      gq.forEach((G, i) => {
        pq.forEach((P, j) => {
          const jac = jaccard(G.c, P.c)
          const ok =
            mode === 'exact' ? sameTrimmed(text, G.r, P.r) : mode === 'jac50' ? jac >= 0.5 : jac > 0
          if (ok) pairs.push([jac, i, j])
        })
      })
      pairs.sort((a, b) => b[0] - a[0])
      const gUsed = new Map<number, number>()
      const pUsed = new Map<number, number>()
      for (const [, i, j] of pairs) {
        if (!gUsed.has(i) && !pUsed.has(j)) {
          gUsed.set(i, j)
          pUsed.set(j, i)
        }
      }
      const t = res[mode]
      gq.forEach((G, i) => {
        if (G.keep) {
          if (gUsed.has(i)) t.tp++
          else t.fn++
        }
      })
      pq.forEach((_P, j) => {
        if (pUsed.has(j)) return
        t.fp++
      })
      if (mode === 'jac50') {
        const a = res.attribution
        gq.forEach((G, i) => {
          if (!G.keep) return
          if (!gUsed.has(i)) {
            a.fn++
            return
          }
          const P = pq[gUsed.get(i)!]!
          const gs = speaker(G.q)
          const ps = speaker(P.q)
          const silver = G.q.speaker_coref_silver
          const cs: [number, number] | null =
            allowCoref && silver ? [silver.start, silver.end] : null
          const ov = (x: [number, number] | null, y: [number, number] | null) =>
            !!(x && y && x[0] < y[1] && y[0] < x[1])
          const lenient = (gs === null && ps === null) || ov(gs, ps) || ov(cs, ps)
          const strict =
            (gs === null && ps === null) ||
            (gs !== null && ps !== null && sameTrimmed(text, [gs], [ps]))
          matched++
          if (lenient) spkLenient++
          if (strict) spkStrict++
          if (lenient) a.tp++
          else {
            a.fp++
            a.fn++
          }
        })
        pq.forEach((_P, j) => {
          if (!pUsed.has(j)) a.fp++
        })
      }
    }
    predN += pq.length
  }
  const prf = ({ tp, fp, fn }: Tally): Prf => {
    const p = tp + fp ? tp / (tp + fp) : 0
    const r = tp + fn ? tp / (tp + fn) : 0
    return {
      P: +(100 * p).toFixed(1),
      R: +(100 * r).toFixed(1),
      F1: +(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1),
      tp,
      fp,
      fn,
    }
  }
  return {
    gold_quotes: goldN,
    predicted_quotes: predN,
    types: types ? [...types] : 'all',
    content_exact: prf(res.exact),
    content_jaccard50: prf(res.jac50),
    content_overlap: prf(res.overlap),
    speaker_on_matched: {
      matched,
      lenient_acc: +((100 * spkLenient) / (matched || 1)).toFixed(1),
      strict_acc: +((100 * spkStrict) / (matched || 1)).toFixed(1),
    },
    attribution_end_to_end: prf(res.attribution),
  }
}
