/**
 * Pairs quotation marks into quoted spans: curly and straight double marks, doubled apostrophes
 * (''…'' and ``…''), «guillemets», „low-high“ marks, a quote left open at a paragraph's end and
 * reopened at the next, quotes nested inside quotes, and single-mark quotes outside double ones.
 */
import type { Scan, Tok } from './scan.js'

/** One paragraph's part of a quoted span; `open`/`close` are token indices of the marks. */
export interface Piece {
  open: number
  /** -1 when the paragraph ends the piece without a closing mark (a quote over paragraphs). */
  close: number
  /** Content offsets, without the marks. */
  start: number
  end: number
}

export interface Marked {
  pieces: Piece[]
  /** 0 for a top-level quote, 1+ for a quote inside a quote. */
  depth: number
  /** Made of single marks (‘…’). */
  single: boolean
}

/** Offsets of a marked quote: content start/end and the outer span with its marks. */
export function contentSpan(m: Marked): { start: number; end: number } {
  return { start: m.pieces[0]!.start, end: m.pieces[m.pieces.length - 1]!.end }
}

/** First and last token index of a marked quote, marks included. */
export function tokRange(m: Marked, toks: readonly Tok[]): { first: number; last: number } {
  const first = m.pieces[0]!.open
  const lastPiece = m.pieces[m.pieces.length - 1]!
  let last = lastPiece.close
  if (last < 0) {
    last = first
    while (last + 1 < toks.length && toks[last + 1]!.start < lastPiece.end) last++
  }
  return { first, last }
}

interface Open {
  tok: number
  pieces: Piece[]
}

/** Finds the quoted spans of the text, sorted by start. */
export function pairMarks(sc: Scan): Marked[] {
  const { toks, paras } = sc
  const out: Marked[] = []
  let carried: Open | null = null
  for (let p = 0; p < paras.length; p++) {
    const { first, end } = paras[p]!
    const stack: Open[] = []
    let from = first
    if (carried !== null) {
      // the quote left open in the previous paragraph reopens here
      carried.tok = first
      stack.push(carried)
      from = first + 1
      carried = null
    }
    for (let i = from; i < end; i++) {
      const t = toks[i]!
      if (t.kind !== 'mark' || t.role === 'none') continue
      // „low-high“: after „ the mark “ closes
      const top = stack[stack.length - 1]
      const lowHigh =
        top !== undefined && toks[top.tok]!.text === '„' && (t.text === '“' || t.text === '”')
      const closes = t.role === 'close' || lowHigh || (t.role === 'either' && stack.length > 0)
      if (closes) {
        const o = stack.pop()
        if (o === undefined) continue // a stray closing mark
        o.pieces.push({ open: o.tok, close: i, start: toks[o.tok]!.end, end: t.start })
        if (o.pieces.some((pc) => pc.end > pc.start))
          out.push({ pieces: o.pieces, depth: stack.length, single: false })
      } else {
        stack.push({ tok: i, pieces: [] })
      }
    }
    if (stack.length === 0) continue
    // Only the outermost open quote can run on; inner ones were never closed and are dropped.
    const o = stack[0]!
    const lastTok = toks[end - 1]!
    const piece: Piece = { open: o.tok, close: -1, start: toks[o.tok]!.end, end: lastTok.end }
    const next = paras[p + 1]
    const nextTok = next === undefined ? undefined : toks[next.first]
    if (nextTok !== undefined && nextTok.kind === 'mark' && nextTok.role !== 'close') {
      o.pieces.push(piece)
      carried = o
    } else if (
      o.pieces.length === 0 &&
      (o.tok === first || introduced(toks, o.tok) || opensSentence(toks, o.tok))
    ) {
      // a quote whose closing mark was lost (or mistyped): it ends with its paragraph
      out.push({ pieces: [piece], depth: 0, single: false })
    } else if (o.pieces.length > 0) {
      // the run-on quote ends with this paragraph
      o.pieces.push(piece)
      out.push({ pieces: o.pieces, depth: 0, single: false })
    }
  }
  out.push(...pairSingles(sc, out))
  return out.sort((a, b) => a.pieces[0]!.start - b.pieces[0]!.start || a.depth - b.depth)
}

/** An unambiguous opening mark at a sentence start: "… he said. “We will be back." */
function opensSentence(toks: readonly Tok[], open: number): boolean {
  const t = toks[open]!
  const prev = toks[open - 1]
  return t.role === 'open' && t.text !== '"' && prev !== undefined && /^[.?!]$/.test(prev.text)
}

/** An opening mark right after a colon or comma: "He said: “…" */
function introduced(toks: readonly Tok[], open: number): boolean {
  const prev = toks[open - 1]
  return (
    prev !== undefined && (prev.text === ':' || prev.text === ',') && prev.para === toks[open]!.para
  )
}

/**
 * Single-mark quotes (‘…’, '…') outside double-marked spans, within one sentence: headline style
 * quotes. Apostrophes are told apart by their neighbours: an opening mark follows a space and
 * precedes a letter; a closing one follows a word and precedes a space or punctuation, and is not
 * the apostrophe of a plural possessive ("the voters’ choice").
 */
function pairSingles(sc: Scan, doubles: readonly Marked[]): Marked[] {
  const { toks, text } = sc
  const inside = new Uint8Array(toks.length)
  for (const m of doubles) {
    const { first, last } = tokRange(m, toks)
    for (let i = first; i <= last; i++) inside[i] = 1
  }
  const out: Marked[] = []
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!
    if (t.kind !== 'single' || inside[i] || t.markup) continue
    if (t.text === '’' || t.text === '›') continue
    const before = text[t.start - 1] ?? ''
    const after = text[t.end] ?? ''
    if (!(before === '' || /[\s([—–:]/.test(before)) || !/\p{L}/u.test(after)) continue
    for (let j = i + 1; j < toks.length && toks[j]!.sent === t.sent && !inside[j]; j++) {
      const c = toks[j]!
      if (c.kind !== 'single' || c.text === '‘') continue
      const b = text[c.start - 1] ?? ''
      const a = text[c.end] ?? ''
      if (!/[\p{L}\p{N}.,!?]/u.test(b)) continue
      if (a !== '' && !/[\s.,;:!?)\]—–-]/.test(a)) continue
      if (b === 's' && /^\s+[a-z]/.test(text.slice(c.end, c.end + 3))) continue
      if (j - i < 2) break
      out.push({
        pieces: [{ open: i, close: j, start: t.end, end: c.start }],
        depth: 0,
        single: true,
      })
      i = j
      break
    }
  }
  return out
}
