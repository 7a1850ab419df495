/**
 * Attribution: ties quoted spans and speech cues to their speakers and contents.
 *   1. direct quotes, from the words right after the closing mark (“…,” X said / “…,” said X)
 *      or right before the opening one (X said: “…”), with the rest of a broken quote as segments;
 *   2. every remaining cue: reported speech (X said (that) …, …, X said. / according to X, …),
 *      whose content may hold quoted words (a partial quote);
 *   3. quotes left over: a quoted sentence continues the last speaker; a long quoted passage is a
 *      quote of the sentence's speaker or subject; other quoted words (scare quotes, titles) are
 *      not quotes.
 * A quote with no cue may also be credited on its own line (“…” ― Name).
 */

import { PLATFORMS, ROLES } from '../lexicons/index.js'
import type { Cue } from './cues.js'
import { findCues } from './cues.js'
import { contentSpan, type Marked, tokRange } from './marks.js'
import { appositionBefore, isContent, leftNP, type Range, rightNP } from './phrases.js'
import type { Scan, Tok } from './scan.js'
import { CALENDAR, SOURCE_NOUNS } from './words.js'

/** One attribution: content segments (token ranges), the speaker's words, the cue. */
export interface Attribution {
  /** Content as token ranges; for quoted segments, the ranges include the marks. */
  segments: Range[]
  /** The quoted spans inside the content. */
  quotes: Marked[]
  speaker: Range | null
  cue: Cue | null
  /** How it was found: feeds the confidence. */
  pattern: Pattern
  /** Another cue inside the content ("said Y believes Z"). */
  embedsCue?: boolean
  /** The speaker stands inside another attribution's content ("Y" of "said Y believes Z"). */
  embedded?: boolean
}

export type Pattern =
  | 'quote-after' // “…,” X said
  | 'quote-before' // X said: “…”
  | 'quote-colon' // X: “…” (a headline) / X makes a case: “…”
  | 'quote-continued' // a quoted sentence after an attributed quote
  | 'svc' // X said (that) …
  | 'csv' // …, X said.
  | 'cvs' // …, said X.
  | 'parenthetical' // …, X said, …
  | 'according' // according to X, …
  | 'chained' // …, adding that … / … and said …
  | 'headline-colon' // Senator: Plan Is ‘Dead on Arrival’ (a paragraph opened by "Name:")
  | 'asked-wh' // (When) asked whether … — a question with no named asker
  | 'seem' // X seems to …, it appears that … — a stance with no source
  | 'quote-left' // a long quoted passage with no cue of its own

const END_PUNCT = /^[.?!…]+$/
const DASHES = new Set(['—', '–', '-', '--'])
/** Things that carry words: "a statement saying", "a letter stating". */
const DOCUMENTS = new Set([
  'statement',
  'letter',
  'tweet',
  'post',
  'email',
  'e-mail',
  'release',
  'memo',
  'message',
  'note',
  'ad',
  'video',
  'report',
  'filing',
  'op-ed',
  'editorial',
  'column',
  'speech',
  'interview',
])
function hasDocument(toks: readonly Tok[], r: Range): boolean {
  for (let j = r.first; j <= r.last; j++) if (DOCUMENTS.has(toks[j]!.lower)) return true
  return false
}
/** Words that open a content clause with its own subject ("says it considered … but opted …"). */
const SUBJECT_WORDS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you'])
/** Words before a new subject that end the content before it ("…, while the mayor said …"). */
const NEW_CLAUSE = new Set(['and', 'but', 'while', 'whereas', 'yet'])

interface Ctx {
  sc: Scan
  toks: readonly Tok[]
  /** Cue index per token, -1 for none. */
  cueAt: Int32Array
  cues: Cue[]
  usedCue: Uint8Array
  /** 1 inside any quoted span (marks included). */
  quoted: Uint8Array
  /** Index into `tops` of the top-level quote holding a token, -1 outside. */
  topAt: Int32Array
  tops: Marked[]
  ranges: { first: number; last: number }[]
}

/** Finds every attribution in the scanned text. */
export function attribute(sc: Scan, marked: readonly Marked[]): Attribution[] {
  const { toks } = sc
  const quoted = new Uint8Array(toks.length)
  const topAt = new Int32Array(toks.length).fill(-1)
  const tops = marked.filter((m) => m.depth === 0)
  const ranges = tops.map((m) => tokRange(m, toks))
  ranges.forEach(({ first, last }, qi) => {
    for (let i = first; i <= last; i++) {
      quoted[i] = 1
      topAt[i] = qi
    }
  })
  const cues = findCues(sc, quoted)
  const cueAt = new Int32Array(toks.length).fill(-1)
  cues.forEach((c, ci) => {
    for (let i = c.first; i <= c.last; i++) cueAt[i] = ci
  })
  const ctx: Ctx = {
    sc,
    toks,
    cueAt,
    cues,
    usedCue: new Uint8Array(cues.length),
    quoted,
    topAt,
    tops,
    ranges,
  }

  const out: Attribution[] = []
  const taken = new Uint8Array(tops.length)
  // 1. direct quotes
  for (let qi = 0; qi < tops.length; qi++) {
    if (taken[qi]) continue
    const a = directAttribution(ctx, qi)
    if (a === null) continue
    for (const q of a.quotes) taken[tops.indexOf(q)] = 1
    out.push(a)
  }
  // 2. reported speech
  for (let ci = 0; ci < cues.length; ci++) {
    if (ctx.usedCue[ci] || cues[ci]!.weak) continue
    const a = reported(ctx, ci, out)
    if (a === null) continue
    ctx.usedCue[ci] = 1
    for (const seg of a.segments) {
      for (let i = seg.first; i <= seg.last; i++) {
        const q = topAt[i]!
        // the quoted words belong to this content even when a direct quote claimed them too
        if (q >= 0 && !a.quotes.includes(tops[q]!)) {
          a.quotes.push(tops[q]!)
          taken[q] = 1
        }
      }
    }
    out.push(a)
  }
  // 3. attributions without a reporting verb's subject: "Name: …" paragraphs, "asked whether …",
  // "X seems to …"
  for (const a of frames(ctx, out)) {
    for (const seg of a.segments) {
      for (let i = seg.first; i <= seg.last; i++) {
        const q = topAt[i]!
        if (q >= 0 && !a.quotes.includes(tops[q]!) && !taken[q]) {
          a.quotes.push(tops[q]!)
          taken[q] = 1
        }
      }
    }
    out.push(a)
  }
  // 4. quoted sentences left over continue the last speaker
  out.sort((a, b) => a.segments[0]!.first - b.segments[0]!.first)
  for (let qi = 0; qi < tops.length; qi++) {
    if (taken[qi] || !standsAlone(ctx, qi)) continue
    const { first, last } = ranges[qi]!
    const prev = lastBefore(out, first, ctx)
    if (prev === null || prev.speaker === null || !closeEnough(ctx, prev, qi)) continue
    if (prev.quotes.length > 0) {
      prev.segments.push({ first, last })
      prev.quotes.push(tops[qi]!)
    } else {
      out.push({
        segments: [{ first, last }],
        quotes: [tops[qi]!],
        speaker: prev.speaker,
        cue: null,
        pattern: 'quote-continued',
      })
    }
    taken[qi] = 1
  }
  // 4b. "Christie described Clinton as a “disgrace”", "Merkel heralded the deal as a
  // “breakthrough”": a verb's object characterised by a quote
  for (let qi = 0; qi < tops.length; qi++) {
    if (taken[qi]) continue
    const a = quotedAs(ctx, qi)
    if (a === null) continue
    out.push(a)
    taken[qi] = 1
  }
  // 5. long quoted passages left over are quotes all the same; the speaker is the one of the
  // sentence's attribution, else the sentence's subject (or the name before the colon, or the
  // possessor of the words that introduce the passage), else the paragraph's last speaker
  for (let qi = 0; qi < tops.length; qi++) {
    if (taken[qi] || !longPassage(ctx, qi)) continue
    const { first, last } = ranges[qi]!
    const subject = passageSpeaker(ctx, out, first)
    out.push({
      segments: [{ first, last }],
      quotes: [tops[qi]!],
      speaker: subject,
      cue: null,
      pattern: 'quote-left',
    })
    taken[qi] = 1
  }
  for (const a of out) {
    const sp = a.speaker
    a.embedded =
      sp !== null &&
      out.some(
        (b) => b !== a && b.segments.some((seg) => seg.first <= sp.first && sp.last <= seg.last),
      )
    a.embedsCue = a.segments.some((seg) => {
      for (let i = seg.first; i <= seg.last; i++) {
        const ci = cueAt[i]!
        if (ci >= 0 && cues[ci] !== a.cue && cues[ci]!.first === i && !quoted[i]) return true
      }
      return false
    })
  }
  return out.sort((a, b) => a.segments[0]!.first - b.segments[0]!.first)
}

// ---------------------------------------------------------------------------------------------
// 1. direct quotes

function directAttribution(ctx: Ctx, qi: number): Attribution | null {
  const q = ctx.tops[qi]!
  const opens = opensClause(ctx, qi)
  const closes = closesClause(ctx, qi)
  const after = afterQuote(ctx, qi)
  const before = closes ? beforeQuote(ctx, qi) : null
  // “…,” X said wins unless the quote is introduced by "X said:" (colon or comma before it)
  let pick = after ?? before
  if (before !== null && after !== null && before.tight) pick = before
  if (pick === null) {
    const colon = closes ? colonIntro(ctx, qi) : null
    pick = colon ?? dashCredit(ctx, qi)
    if (pick === null) return null
  }
  if (pick.cue !== null) ctx.usedCue[ctx.cues.indexOf(pick.cue)] = 1
  const { first, last } = ctx.ranges[qi]!
  // "The plan is “dead on arrival,” the senator said": the clause is the content
  const from = pick === after && !opens ? clauseStart(ctx, first) : (pick.contentFrom ?? first)
  const a: Attribution = {
    segments: [{ first: from, last }],
    quotes: [q],
    speaker: pick.speaker,
    cue: pick.cue,
    // a credit line is scored as the attribution after a quote that it is
    pattern:
      pick === after || pick.credit
        ? 'quote-after'
        : pick === before
          ? 'quote-before'
          : 'quote-colon',
  }
  if (pick === after) {
    // “…,” he said, “…” — the rest of a broken quote
    const next = brokenRest(ctx, qi, after.end)
    if (next !== null) {
      const r = ctx.ranges[next]!
      a.segments.push({ first: r.first, last: r.last })
      a.quotes.push(ctx.tops[next]!)
    }
  }
  return a
}

interface Found {
  cue: Cue | null
  speaker: Range | null
  /** Last token of the attribution clause. */
  end: number
  /** The cue is followed right away by ":" or "," and the quote: X said: “…” */
  tight: boolean
  /** For X said that “…”: where the content starts. */
  contentFrom?: number
  /** A credit line under the quote: “…” ― Name. */
  credit?: boolean
}

/** Dashes that open a credit line: “…” ― Ana Ruiz. */
const CREDIT_DASHES = new Set(['―', '—', '–', '--'])

/**
 * A quote credited on its own line after a dash, as readers' comments and epigraphs are:
 * “Maybe we can build a wall around him.” ― Steve Quinlan. The quote is a whole sentence that
 * opens its clause; the credit is a name phrase that ends the line (a description may follow
 * its comma).
 */
function dashCredit(ctx: Ctx, qi: number): Found | null {
  const { toks, sc } = ctx
  const q = ctx.tops[qi]!
  const { last } = ctx.ranges[qi]!
  const dash = toks[last + 1]
  if (dash === undefined || !CREDIT_DASHES.has(dash.text) || dash.breakBefore) return null
  const lastPiece = q.pieces[q.pieces.length - 1]!
  if (!/[.?!…]$/.test(sc.text.slice(lastPiece.start, lastPiece.end).trimEnd())) return null
  if (!opensClause(ctx, qi)) return null
  const paraEnd = sc.paras[toks[last]!.para]!.end
  const sp = rightNP(sc, last + 2, paraEnd)
  if (sp === null || !toks[sp.first]!.cap || toks[sp.first]!.cls === 'pron') return null
  let k = sp.last + 1
  if (toks[k]?.text === ',' && !toks[k]!.breakBefore) {
    while (k < paraEnd && !toks[k]!.breakBefore && toks[k]!.kind !== 'mark') k++
    if (k < paraEnd && !toks[k]!.breakBefore) return null
  }
  if (k < paraEnd && toks[k]!.text === '.' && !toks[k]!.breakBefore) k++
  if (k < paraEnd && !toks[k]!.breakBefore) return null
  return { cue: null, speaker: sp, end: k - 1, tight: false, credit: true }
}

/**
 * Whether the quote opens its clause: nothing but punctuation before it in its sentence, or a
 * colon, or another quote right before it.
 */
function opensClause(ctx: Ctx, qi: number): boolean {
  const { toks, sc } = ctx
  const { first } = ctx.ranges[qi]!
  const s = sc.sents[toks[first]!.sent]!
  const prev = toks[first - 1]
  if (prev === undefined || prev.para !== toks[first]!.para) return true
  if (prev.text === ':' || prev.text === '(' || DASHES.has(prev.text)) return true
  for (let j = first - 1; j >= s.first; j--) {
    const t = toks[j]!
    if (ctx.topAt[j]! >= 0) return true
    if (t.kind === 'word' || t.kind === 'num') return false
  }
  return true
}

/** Where the clause holding token `i` starts: its sentence start, or after a colon or semicolon. */
function clauseStart(ctx: Ctx, i: number): number {
  const { toks, sc } = ctx
  const s = sc.sents[toks[i]!.sent]!
  for (let j = i - 1; j > s.first; j--) {
    const t = toks[j]!
    if ((t.text === ':' || t.text === ';') && ctx.topAt[j]! < 0) return j + 1
  }
  let j = s.first
  while (j < i && toks[j]!.kind !== 'word' && toks[j]!.kind !== 'num') j++
  return j
}

/** Verbs that invert with their subject after a quote: “…,” said Smith. */
const INVERTING = new Set([
  'say',
  'ask',
  'add',
  'write',
  'continue',
  'explain',
  'recall',
  'note',
  'declare',
  'reply',
  'respond',
  'answer',
  'argue',
  'insist',
  'warn',
  'acknowledge',
  'admit',
  'tweet',
  'read',
  'conclude',
  'agree',
  'state',
  'quip',
  'joke',
  'caution',
  'counter',
  'observe',
  'remark',
  'suggest',
  'predict',
  'complain',
  'concede',
  'echo',
  'shout',
  'cry',
  'exclaim',
  'whisper',
  'retort',
  'interject',
  'proclaim',
  'boast',
  'announce',
  'report',
  'claim',
  'tell',
  'muse',
  'opine',
  'wonder',
  'scoff',
  'laugh',
  'chime',
  'gush',
  'snap',
  'sneer',
  'yell',
  'scream',
  'plead',
  'confide',
  'confirm',
  'emphasize',
  'stress',
  'assert',
  'contend',
  'maintain',
  'summarize',
  'chant',
  'testify',
  'comment',
  'according to',
])

/**
 * Whether the quote closes its clause: after it, its sentence ends, or goes on only with an
 * attribution ("…,” he said) or another quote.
 */
function closesClause(ctx: Ctx, qi: number): boolean {
  const { toks, sc } = ctx
  const { last } = ctx.ranges[qi]!
  const paraEnd = sc.paras[toks[last]!.para]!.end
  for (let j = last + 1; j < paraEnd; j++) {
    const t = toks[j]!
    if (ctx.topAt[j]! >= 0) return true
    if (t.sent !== toks[last]!.sent && toks[j - 1]!.kind !== 'word') return true
    if (t.kind === 'punct' && (END_PUNCT.test(t.text) || t.text === ';')) return true
    if (t.kind === 'word' || t.kind === 'num') {
      // “…,” and, “…”: a list of quotes
      if (['and', 'or', 'but'].includes(t.lower)) {
        let k = j + 1
        while (k < paraEnd && toks[k]!.kind === 'punct') k++
        if (ctx.topAt[k]! >= 0) return true
      }
      // “…,” he said / “…,” said Smith / “…” — Smith said
      return afterQuote(ctx, qi) !== null
    }
  }
  return true
}

/** “…,” X said / “…,” said X / “…,” X, a spokesman, said: the words after the closing mark. */
function afterQuote(ctx: Ctx, qi: number): Found | null {
  const { toks, sc } = ctx
  const q = ctx.tops[qi]!
  const { last } = ctx.ranges[qi]!
  const paraEnd = sc.paras[toks[last]!.para]!.end
  let i = last + 1
  while (i < paraEnd && (toks[i]!.text === ',' || DASHES.has(toks[i]!.text))) i++
  if (i >= paraEnd || ctx.quoted[i]) return null
  const lastPiece = q.pieces[q.pieces.length - 1]!
  const inner = sc.text.slice(lastPiece.start, lastPiece.end).trimEnd()
  const endsSentence = /[.?!]$/.test(inner) && toks[i]!.cap && toks[last + 1]?.text !== ','
  const opens = opensClause(ctx, qi)
  // “…over.” Lee says, “…”: a quote closing an earlier sentence is not the one introduced
  if (endsSentence && !opens) return null
  // cue first: “…,” said X
  const c0 = ctx.cueAt[i]!
  if (c0 >= 0 && !ctx.usedCue[c0]) {
    const cue = ctx.cues[c0]!
    if (cue.first === i && !cue.passive && !cue.ing && INVERTING.has(cue.info.lemma)) {
      const sp = rightNP(sc, cue.last + 1, paraEnd)
      // "Lee, who calls Trump a “sociopath,” said he doubts …": a pronoun and a verb after the
      // cue are its own clause, not an inverted speaker
      const n = sp === null ? undefined : toks[sp.last + 1]
      const ownClause =
        sp !== null &&
        !opens &&
        sp.first === sp.last &&
        toks[sp.first]!.cls === 'pron' &&
        n?.kind === 'word' &&
        n.sent === toks[sp.last]!.sent
      if (sp !== null && !ownClause) return { cue, speaker: sp, end: sp.last, tight: false }
    }
  }
  // speaker first: “…,” X said
  for (let j = i; j < paraEnd && j - i <= 30; j++) {
    const t = toks[j]!
    if (ctx.quoted[j]) break
    if (t.kind === 'punct' && (END_PUNCT.test(t.text) || t.text === ';')) break
    const ci = ctx.cueAt[j]!
    if (ci < 0 || ctx.usedCue[ci]) continue
    const cue = ctx.cues[ci]!
    if (cue.passive && !/quoted/.test(toks[cue.last]!.lower)) continue
    if (cue.first !== j) continue
    const sp = subjectOf(ctx, j, i)
    if (sp === null || sp.first !== i) return null
    // a relative clause on the words before the quote: “special envoy” who reports
    if (['who', 'which', 'that', 'whom'].includes(toks[sp.first]!.lower)) return null
    // “Go, Anna!,” the mayor said her campaign…: the cue has content of its own
    if ((endsSentence || !opens) && takesOwnContent(ctx, cue)) return null
    if (!opens && introducesNext(ctx, cue)) return null
    // Despite his “rough manner,” the lawyer wrote, the client is …: a parenthetical attribution
    if (!opens && toks[cue.last + 1]?.text === ',' && toks[cue.last + 2]?.kind === 'word')
      return null
    return { cue, speaker: sp.mention, end: cue.last, tight: false }
  }
  return null
}

/** The cue is followed by a colon or comma and an opening mark: "The mayor said: “…”". */
function introducesNext(ctx: Ctx, cue: Cue): boolean {
  const { toks } = ctx
  const p = toks[cue.last + 1]
  const q = toks[cue.last + 2]
  return (p?.text === ':' || p?.text === ',') && q?.kind === 'mark' && q.role !== 'close'
}

/** X said: “…” / X said, “…” / X said “…” / X said that “…” / according to X, “…” */
function beforeQuote(ctx: Ctx, qi: number): Found | null {
  const { toks, sc } = ctx
  const { first } = ctx.ranges[qi]!
  const open = toks[first]!
  let p = first - 1
  const prevTok = toks[p]
  if (prevTok === undefined) return null
  if (prevTok.para !== open.para) {
    // a paragraph-long quote introduced by the previous paragraph ("The senator continued:")
    if (prevTok.text !== ':' || prevTok.para + 1 !== open.para) return null
  }
  if (prevTok.kind === 'punct' && END_PUNCT.test(prevTok.text)) return null
  let tight = false
  if (prevTok.text === ':' || prevTok.text === ',') {
    tight = true
    p--
  }
  if (p < 0) return null
  const lo = sc.sents[toks[p]!.sent]!.first
  // scan back over a short adjunct to the cue: X said in a statement: “…”
  for (let j = p; j >= lo && p - j <= 12; j--) {
    const t = toks[j]!
    if (ctx.quoted[j]) return null
    const ci = ctx.cueAt[j]!
    if (ci >= 0 && !ctx.usedCue[ci]) {
      const cue = ctx.cues[ci]!
      if (cue.passive) return null
      if (cue.info.cls === 'according') {
        const sp = rightNP(sc, cue.last + 1, first)
        return sp === null ? null : { cue, speaker: sp, end: p, tight }
      }
      const sp = subjectOf(ctx, cue.first, lo) ?? chainedSubject(ctx, cue, lo)
      if (sp === null) return invertedBefore(ctx, cue, lo, p, tight)
      let contentFrom: number | undefined
      if (cue.last < p) {
        // words between the cue and the quote: "that" right before it (a partial quote), a
        // recipient, or an adjunct closed by the comma or colon: "said in a statement: “…”"
        const between = toks[cue.last + 1]!
        if (between.lower === 'that' && cue.last + 1 === p) contentFrom = cue.last + 1
        else if (cue.info.cls === 'tell' && rightNP(sc, cue.last + 1, p + 1)?.last === p) {
          // "told reporters “…”"
        } else if (!(tight && (isAdjunctStart(between) || between.text === ','))) {
          if (
            !(p - cue.last <= 2 && toks.slice(cue.last + 1, p + 1).every((x) => x.cls === 'time'))
          )
            return null
        }
      }
      const found: Found = { cue, speaker: sp.mention, end: p, tight: tight || j === p }
      if (contentFrom !== undefined) found.contentFrom = contentFrom
      return found
    }
    if (t.kind === 'punct' && t.text !== ',' && !DASHES.has(t.text)) return null
    if (t.kind === 'mark' || t.kind === 'single') return null
  }
  return null
}

/**
 * The cue opens the sentence and its subject follows: "Said Ana Ruiz, who grew up there, “…”",
 * "Continued Lee: “…”". `p` is the last token before the quote's comma or colon.
 */
function invertedBefore(ctx: Ctx, cue: Cue, lo: number, p: number, tight: boolean): Found | null {
  const { toks, sc } = ctx
  if (!tight || cue.passive || cue.ing || !INVERTING.has(cue.info.lemma)) return null
  let k = lo
  while (k < cue.first && toks[k]!.kind !== 'word') k++
  if (k !== cue.first || !toks[cue.first]!.cap) return null
  const sp = rightNP(sc, cue.last + 1, p + 1)
  if (sp === null || toks[sp.first]!.cls === 'pron') return null
  // the phrase reaches the comma or colon, or a comma opens its apposition or relative clause
  if (sp.last !== p && toks[sp.last + 1]?.text !== ',') return null
  return { cue, speaker: sp, end: p, tight }
}

/**
 * A quote after a colon with no cue: "Minister: ‘We will not resign’" (a headline) or "The
 * union's letter makes a simple case: “…”". The speaker is the phrase that opens the clause.
 */
function colonIntro(ctx: Ctx, qi: number): Found | null {
  const { toks, sc } = ctx
  const { first } = ctx.ranges[qi]!
  const colon = first - 1
  if (toks[colon]?.text !== ':') return null
  const s = sc.sents[toks[colon]!.sent]!
  const sp = clauseSubject(ctx, s.first, colon)
  if (sp === null || colon - sp.first > 14) return null
  const head = toks[sp.first]!
  if (!head.cap && head.cls !== 'pron' && head.cls !== 'det') return null
  for (let j = sp.last + 1; j < colon; j++) if (ctx.quoted[j]) return null
  return { cue: null, speaker: sp, end: colon, tight: true }
}

/** After “A,” he said — a comma or colon and the next quote in the same sentence: “B.” */
function brokenRest(ctx: Ctx, qi: number, end: number): number | null {
  const { toks } = ctx
  const next = ctx.ranges[qi + 1]
  if (next === undefined) return null
  const { first } = next
  if (toks[first]!.para !== toks[end]!.para) return null
  // “A,” he said. “B,” she replied: the next quote has its own attribution
  if (afterQuote(ctx, qi + 1) !== null) return null
  for (let j = end + 1; j < first; j++) {
    const t = toks[j]!
    if (t.text === ',' || t.text === ':' || t.text === '.' || DASHES.has(t.text)) continue
    if (t.kind === 'word' || t.kind === 'num') {
      // a short adjunct: "he said on Tuesday, “…”"
      if (first - end > 8 || ctx.cueAt[j]! >= 0) return null
      continue
    }
    return null
  }
  return qi + 1
}

// ---------------------------------------------------------------------------------------------
// speakers

const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself'])

/** A closing quote mark with a comma just inside it: “dead on arrival,” */
function closesOnComma(sc: Scan, t: Tok): boolean {
  return t.kind === 'mark' && t.role !== 'open' && /,\s*$/.test(sc.text.slice(t.start - 2, t.start))
}

/** Auxiliaries and adverbs between a subject and its verb: "has also said". */
function skipAuxLeft(toks: readonly Tok[], k: number, lo: number): number {
  let j = k
  while (j >= lo) {
    const t = toks[j]!
    if (t.kind === 'word' && (t.cls === 'aux' || t.cls === 'adv' || /ly$/.test(t.lower)) && !t.cap)
      j--
    // "Cruz himself said": a reflexive after the subject
    else if (REFLEXIVES.has(t.lower) && j - 1 >= lo && toks[j - 1]!.kind === 'word') j--
    else if (t.kind === 'word' && t.cls === 'time' && j - 1 >= lo) {
      // "the mayor on Friday described", "Lee last week said"
      const p = toks[j - 1]!
      if (p.lower === 'on' || p.lower === 'last' || p.lower === 'this' || p.lower === 'earlier')
        j -= 2
      else if (t.cap) j--
      else break
    } else break
  }
  return j
}

/**
 * The subject of the cue starting at `c`: the phrase right before it (after auxiliaries), or a
 * name with its apposition ("Ana Ruiz, the company's chief executive, posted").
 */
function subjectOf(ctx: Ctx, c: number, lo: number): { mention: Range; first: number } | null {
  const { toks, sc } = ctx
  const k = skipAuxLeft(toks, c - 1, lo)
  if (k < lo) return null
  const t = toks[k]!
  if (t.text === ',' || t.text === '—' || t.text === '–' || t.text === '--') {
    const ap = appositionBefore(sc, k, lo)
    if (ap === null) return null
    return { mention: ap.head, first: ap.head.first }
  }
  // "The senator, who called the plan “dead on arrival,” said": the interruption's comma is
  // inside its closing mark
  if (closesOnComma(sc, t)) {
    const ap = appositionBefore(sc, k, lo, 0, ctx.quoted)
    if (ap !== null) return { mention: ap.head, first: ap.head.first }
  }
  if (ctx.quoted[k]) return null
  // "a message that said", "the sign — which read": the relative pronoun is the local mention
  if ((t.lower === 'that' || t.lower === 'which') && k > lo) {
    const p = toks[k - 1]!
    const q = toks[k - 2]
    if (isContent(p) || ((p.text === ',' || DASHES.has(p.text)) && q !== undefined && isContent(q)))
      return { mention: { first: k, last: k }, first: k }
  }
  let np = leftNP(sc, k, lo)
  if (np === null) return null
  // "the analyst who founded the blog wrote", "officials whose plans were
  // rejected say": the speaker owns the relative clause
  for (let j = np.first - 1; j >= lo && j >= np.first - 8; j--) {
    const w = toks[j]!
    if (w.kind !== 'word' || w.cls === 'conj' || ctx.cueAt[j]! >= 0) break
    if (w.lower === 'who' || w.lower === 'whose') {
      const head =
        toks[j - 1]?.text === ',' ? appositionBefore(sc, j - 1, lo)?.head : leftNP(sc, j - 1, lo)
      if (head !== undefined && head !== null) np = head
      break
    }
  }
  return { mention: np, first: np.first }
}

/** "…, saying", "… and said", "… but has argued", "… by saying": a verb without its own subject. */
function isChained(toks: readonly Tok[], cue: Cue, lo: number): boolean {
  const k = skipAuxLeft(toks, cue.first - 1, lo)
  const prev = toks[k]
  if (prev === undefined || k < lo) return false
  if (cue.ing) {
    // "…, saying", "while saying", "a jab at the mayor saying": an -ing form without "is/was"
    // before it takes the subject of the clause it hangs on
    if (k === cue.first - 1 && prev.kind === 'word' && prev.cls === 'aux') return false
    if (k < cue.first - 1 && toks[k + 1]!.cls === 'aux') return false
    return k > lo
  }
  return prev.lower === 'and' || prev.lower === 'but'
}

/**
 * The subject of a verb chained to an earlier one: "The senator called on her to resign and said, …",
 * "Lee took the stage with a jab at the mayor, saying …": the phrase that opens the sentence.
 */
function chainedSubject(ctx: Ctx, cue: Cue, lo: number): { mention: Range; first: number } | null {
  const { toks, sc } = ctx
  if (!isChained(toks, cue, lo)) return null
  // “…,” he said, adding …: a sentence opened by a quote has its subject after the quote
  let from = lo
  while (from < cue.first && toks[from]!.kind === 'punct') from++
  if (ctx.quoted[from]) {
    for (let j = cue.first - 1; j > from; j--) {
      if (ctx.quoted[j]) {
        from = j + 1
        break
      }
    }
  }
  let np = clauseSubject(ctx, from, cue.first)
  // the nearest clause wins: "the board fired the manager and the mayor replaced his deputy,
  // acknowledging …" — a subject after "and"/"but" followed by its verb
  for (let j = (np?.last ?? lo) + 1; j < cue.first - 2; j++) {
    const t = toks[j]!
    if (ctx.quoted[j] || !(t.lower === 'and' || t.lower === 'but' || t.text === ';')) continue
    const cand = rightNP(sc, j + 1, cue.first)
    if (cand === null || cand.last >= cue.first - 2) continue
    const v = toks[cand.last + 1]!
    const verbish =
      !v.cap && v.kind === 'word' && (v.cls === 'aux' || v.cls === 'adv' || v.cls === 'other')
    if (verbish) {
      np = cand
      j = cand.last
    }
  }
  if (np === null || np.last >= cue.first - 1) return null
  return { mention: np, first: np.first }
}

/** Subordinating conjunctions that open an introductory clause ("Although X is …, Y said"). */
const SUBORDINATORS = new Set([
  'although',
  'though',
  'while',
  'when',
  'if',
  'as',
  'because',
  'since',
  'after',
  'before',
  'until',
  'unless',
  'whereas',
  'once',
  'whether',
  'even',
])

/**
 * The subject that opens a clause between `lo` and `hi`: after leading conjunctions and adverbs,
 * and after an introductory phrase closed by a comma ("In a statement, …", "Asked about it, …").
 */
function clauseSubject(ctx: Ctx, lo: number, hi: number): Range | null {
  const { toks, sc } = ctx
  let i = lo
  // a dateline: "WASHINGTON (AP) —", "Washington (AFP) –"
  for (let j = lo; j < hi && j - lo < 8; j++) {
    const t = toks[j]!
    if (DASHES.has(t.text) && j > lo) {
      i = j + 1
      break
    }
    if (!(t.cap || t.text === '(' || t.text === ')' || t.text === ',' || t.text === '.')) break
  }
  const skipWords = () => {
    while (
      i < hi &&
      (toks[i]!.kind !== 'word' ||
        toks[i]!.cls === 'conj' ||
        (toks[i]!.cls === 'adv' && toks[i + 1]?.text !== ','))
    )
      i++
  }
  for (let round = 0; round < 4; round++) {
    const sub = toks[i]?.kind === 'word' && SUBORDINATORS.has(toks[i]!.lower)
    if (!sub) skipWords()
    const t = toks[i]
    if (t === undefined || i >= hi) return null
    const participle = t.cls === 'other' && /(?:ing|ed)$/.test(t.lower)
    const intro =
      sub || t.cls === 'prep' || t.cls === 'adv' || t.cls === 'wh' || t.cls === 'time' || participle
    if (!intro) {
      if (!t.cap && t.cls === 'other' && /(?:ing|ed)$/.test(t.lower)) return null
      const np = rightNP(sc, i, hi)
      if (np === null) return null
      // "…, Ohio, on Sunday, Ms. Lee": a phrase followed by a comma and more introduction
      const after = toks[np.last + 1]
      const next = toks[np.last + 2]
      if (
        after?.text === ',' &&
        next !== undefined &&
        np.last + 2 < hi &&
        (next.cls === 'prep' || next.cls === 'time' || next.cap)
      ) {
        i = np.last + 2
        continue
      }
      return np
    }
    let j = i
    while (j < hi && toks[j]!.text !== ',') j++
    if (j >= hi - 1) return null
    i = j + 1
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// 2. reported speech

function reported(ctx: Ctx, ci: number, done: readonly Attribution[]): Attribution | null {
  const { toks, sc } = ctx
  const cue = ctx.cues[ci]!
  if (cue.passive) return null
  const s = toks[cue.first]!.sent
  const { first: sFirst, end: sEnd } = sc.sents[s]!
  const sLast = lastWordish(toks, sFirst, sEnd)
  if (cue.info.cls === 'according') return according(ctx, cue, sFirst, sLast)

  const prevTok = toks[cue.first - 1]
  const chained = isChained(toks, cue, sFirst)
  let subj = chained ? null : subjectOf(ctx, cue.first, sFirst)
  if (subj !== null && cue.ing && hasDocument(toks, subj.mention)) {
    // "X released a statement saying …": the speaker is who released it
    const owner = clauseSubject(ctx, sFirst, subj.mention.first)
    if (owner !== null && owner.last < subj.mention.first - 1)
      subj = { mention: owner, first: subj.first }
  }
  let speaker: Range | null = subj?.mention ?? null
  // a speaker phrase holding another cue is a misparse: "Dr Seager said scientists" is not who
  // observes in "…, Dr Seager said scientists can now observe more planets"
  if (speaker !== null && holdsCue(ctx, speaker)) return null
  let pattern: Pattern = 'svc'
  if (speaker === null && chained) {
    speaker =
      lastSpeakerInSentence(done, s, cue.first, toks) ??
      chainedSubject(ctx, cue, sFirst)?.mention ??
      null
    if (speaker === null) return null
    pattern = 'chained'
  }
  // a date is no speaker ("Friday, December 25, 2020 …, showing …"); a number is ("six in 10 say")
  if (speaker !== null && onlyTime(toks, speaker)) return null
  if (speaker === null) {
    // inverted: "…, said X."
    const sp = rightNP(sc, cue.last + 1, sEnd)
    if (sp !== null && prevTok?.text === ',' && endsClause(toks, sp.last + 1, sLast)) {
      const content = leftContent(ctx, sFirst, cue.first - 2)
      if (content === null) return null
      return { segments: [content], quotes: [], speaker: sp, cue, pattern: 'cvs' }
    }
    return null
  }
  if (cue.bare && !chained) {
    // "to say", "will say": a bare verb needs a subject right before it or a modal
    const p = toks[cue.first - 1]
    if (p !== undefined && p.lower === 'to') return null
  }
  const right = rightContent(ctx, cue, sLast)
  const subjFirst = subj?.first ?? cue.first
  // "…, X said" or "“…,” X said": the content ends before the subject
  const sep = toks[subjFirst - 1]
  const commaBefore =
    sep !== undefined &&
    subjFirst - 1 > sFirst &&
    (sep.text === ',' || DASHES.has(sep.text) || (sep.kind === 'mark' && sep.role !== 'open'))
  const leftEnd = sep?.kind === 'mark' ? subjFirst - 1 : subjFirst - 2
  // "…,” said O'Donnell, who wrote about it": what a relative clause's verb says is on its right
  const relative =
    speaker.first === speaker.last && ['who', 'which', 'that'].includes(toks[speaker.first]!.lower)
  if (relative && right === null) return null
  if (right !== null && commaBefore && toks[cue.last + 1]?.text === ',' && !relative) {
    // "A, X said, B." — unless A is only an introductory phrase ("In both cases, X said, B")
    const left = leftContent(ctx, sFirst, leftEnd)
    if (left !== null && hasContentWord(toks, left) && !introductory(toks, left))
      return { segments: [left, right], quotes: [], speaker, cue, pattern: 'parenthetical' }
    return { segments: [right], quotes: [], speaker, cue, pattern }
  }
  if (right === null || (commaBefore && afterIsAdjunct(ctx, cue, sLast) && !relative)) {
    // "…, X said." or "…, X said on Tuesday."
    if (!commaBefore) return null
    const left = leftContent(ctx, sFirst, leftEnd)
    if (left === null || !hasContentWord(toks, left)) return null
    return { segments: [left], quotes: [], speaker, cue, pattern: 'csv' }
  }
  // "said in a statement provided to Politico", "said as he launched the process": an adjunct
  // alone is no content
  if (cue.info.cls === 'say' && adjunctContent(ctx, right)) return null
  return { segments: [right], quotes: [], speaker, cue, pattern }
}

/**
 * Prepositions that open an adjunct, not a reported clause, after a verb of saying. Narrower than
 * `ADJUNCT_WORDS` (which also holds "to", "of", "about", "with", "from", time words): with those,
 * PolNeAR train all-attribution end-to-end F1 was 62.37 against 62.42 with this list.
 */
const ADJUNCT_OPENERS = new Set(['in', 'on', 'at', 'by', 'during', 'via', 'through', 'as'])

/** A short content that opens with an adjunct word and holds no quote: no content at all. */
function adjunctContent(ctx: Ctx, r: Range): boolean {
  const t = ctx.toks[r.first]!
  if (!ADJUNCT_OPENERS.has(t.lower) || r.last - r.first > 12) return false
  for (let k = r.first; k <= r.last; k++) {
    const w = ctx.toks[k]!
    if (ctx.quoted[k] || w.lower === 'that' || w.cls === 'wh') return false
  }
  return true
}

/** Whether a range is a date: time words ("December", "Friday") and numbers, nothing else. */
function onlyTime(toks: readonly Tok[], r: Range): boolean {
  let time = false
  for (let j = r.first; j <= r.last; j++) {
    const t = toks[j]!
    if (t.kind !== 'word') continue
    if (t.cls !== 'time' && !CALENDAR.has(t.lower)) return false
    time = true
  }
  return time
}

/** Whether a range holds the first token of a cue that is not weak. */
function holdsCue(ctx: Ctx, r: Range): boolean {
  for (let j = r.first; j <= r.last; j++) {
    const ci = ctx.cueAt[j]!
    if (ci >= 0 && ctx.cues[ci]!.first === j && !ctx.cues[ci]!.weak) return true
  }
  return false
}

function lastSpeakerInSentence(
  done: readonly Attribution[],
  s: number,
  before: number,
  toks: readonly Tok[],
): Range | null {
  for (let i = done.length - 1; i >= 0; i--) {
    const a = done[i]!
    if (a.speaker === null || a.cue === null) continue
    if (toks[a.cue.first]!.sent === s && a.cue.first < before) return a.speaker
  }
  return null
}

function according(ctx: Ctx, cue: Cue, sFirst: number, sLast: number): Attribution | null {
  const { toks, sc } = ctx
  const np = rightNP(sc, cue.last + 1, sLast + 1)
  if (np === null) return null
  const sp = withParticiple(toks, withNameApposition(toks, np, sLast), sLast)
  const after = sp.last + 1
  if (cue.first <= sFirst + 1 || toks[cue.first - 1]?.text !== ',') {
    // According to X, …
    let from = after
    while (from <= sLast && toks[from]!.text === ',') from++
    if (from > sLast) return null
    const seg = trimRange(toks, from, sLast)
    return seg === null
      ? null
      : { segments: [seg], quotes: [], speaker: sp, cue, pattern: 'according' }
  }
  // …, according to X. / …, according to X, …
  const left = leftContent(ctx, sFirst, cue.first - 2)
  if (left === null) return null
  const segs = [left]
  if (toks[after]?.text === ',' && after + 1 <= sLast) {
    const r = trimRange(toks, after + 1, sLast)
    // "As a result of the unrest, according to X, twenty people were arrested": the phrase
    // before is only an introduction
    if (r !== null && introductory(toks, left)) segs.length = 0
    if (r !== null) segs.push(r)
  }
  return { segments: segs, quotes: [], speaker: sp, cue, pattern: 'according' }
}

/**
 * A person noun's name in commas belongs to the speaker: "according to his wife, Amanda, Huber
 * …" (the content starts at "Huber"). Only after a noun for one person (a source or role word:
 * wife, spokesman, lawyer), so that "according to police, Smith, 45, was …" keeps Smith.
 */
function withNameApposition(toks: readonly Tok[], np: Range, sLast: number): Range {
  const head = toks[np.last]!
  if (toks[np.last + 1]?.text !== ',' || !(SOURCE_NOUNS.has(head.lower) || ROLES.has(head.lower)))
    return np
  // a plural names more than one: "officials", "witnesses", "people"
  const w = head.lower
  if (w === 'people' || SOURCE_NOUNS.has(w.slice(0, -1)) || SOURCE_NOUNS.has(w.slice(0, -2)))
    return np
  let k = np.last + 2
  const first = k
  while (k <= sLast && k - first < 3 && toks[k]!.kind === 'word' && toks[k]!.cap) k++
  if (k === first || toks[k]?.text !== ',' || k + 1 > sLast) return np
  return { first: np.first, last: k - 1 }
}

/**
 * A participle phrase after the source belongs to it: "according to a statement posted to his
 * Twitter account, he …" (up to the comma that opens the content, at most 12 tokens).
 */
function withParticiple(toks: readonly Tok[], given: Range, sLast: number): Range {
  let np = given
  // "a report citing the mayor's office": the phrase reader may have taken the -ing word in
  if (np.last > np.first && /ing$/.test(toks[np.last]!.lower) && toks[np.last]!.cls === 'other')
    np = { first: np.first, last: np.last - 1 }
  const p = toks[np.last + 1]
  if (p === undefined || p.kind !== 'word' || !/(ed|ing)$/.test(p.lower) || p.cls !== 'other')
    return given
  for (let k = np.last + 2; k <= sLast && k - np.last <= 12; k++) {
    const t = toks[k]!
    if (t.kind === 'mark' || t.text === ';') return given
    if (t.text === ',') return k + 1 <= sLast ? { first: np.first, last: k - 1 } : given
  }
  return given
}

const ADJUNCT_WORDS = new Set([
  'in',
  'on',
  'at',
  'during',
  'to',
  'after',
  'before',
  'last',
  'this',
  'earlier',
  'later',
  'recently',
  'yesterday',
  'today',
  'tonight',
  'via',
  'through',
  'when',
  'while',
  'of',
  'about',
  'from',
  'with',
  'as',
])

/** Words that open an adjunct after a cue rather than its content. */
function isAdjunctStart(t: Tok): boolean {
  return t.kind === 'word' && (ADJUNCT_WORDS.has(t.lower) || t.cls === 'time' || t.cls === 'adv')
}

/** Whether all that follows the cue up to the sentence end is an adjunct: "said on Tuesday." */
function afterIsAdjunct(ctx: Ctx, cue: Cue, sLast: number): boolean {
  const { toks } = ctx
  let i = cue.last + 1
  if (i > sLast) return true
  if (cue.info.cls === 'tell') {
    // "told reporters", "told The Associated Press on Tuesday"
    const r = rightNP(ctx.sc, i, sLast + 1)
    if (r !== null) i = r.last + 1
    if (i > sLast) return true
  }
  const t = toks[i]!
  if (t.text === ',' || END_PUNCT.test(t.text)) return true
  if (!isAdjunctStart(t)) return false
  // "to" before a verb is an infinitive, not an adjunct: "…, suspected to be De Zoysa"
  const n = toks[i + 1]
  if (t.lower === 'to' && n !== undefined && !(n.cls === 'det' || n.cap || n.cls === 'pron'))
    return false
  // the adjunct runs to the next comma: "said of the merger in February, when …"
  for (let j = i; j <= sLast && toks[j]!.text !== ','; j++) {
    if (toks[j]!.lower === 'that' || ctx.cueAt[j]! >= 0 || toks[j]!.kind === 'mark') return false
  }
  return true
}

/** Whether a cue is followed by a content clause of its own (not just adjuncts). */
function takesOwnContent(ctx: Ctx, cue: Cue): boolean {
  const s = ctx.sc.sents[ctx.toks[cue.first]!.sent]!
  return !afterIsAdjunct(ctx, cue, lastWordish(ctx.toks, s.first, s.end))
}

/** Recipients of telling: "told reporters", "told The Associated Press", "urged him". */
function skipRecipient(ctx: Ctx, i: number, hi: number): number {
  const np = rightNP(ctx.sc, i, hi + 1)
  if (np === null) return i
  return np.last + 1
}

/** The content after a cue: from the first word after cue, recipient and adjuncts to clause end. */
function rightContent(ctx: Ctx, cue: Cue, sLast: number): Range | null {
  const { toks } = ctx
  let i = cue.last + 1
  while (
    i <= sLast &&
    (toks[i]!.text === ',' || toks[i]!.text === ':' || DASHES.has(toks[i]!.text))
  )
    i++
  if (i > sLast) return null
  if (cue.info.cls === 'tell') i = skipRecipient(ctx, i, sLast)
  // adjuncts before "that": "said on Tuesday that …", "said to reporters that …"
  const a0 = toks[i]!
  const adjunct =
    isAdjunctStart(a0) &&
    (a0.lower !== 'to' ||
      (toks[i + 1] !== undefined &&
        (toks[i + 1]!.cls === 'det' || toks[i + 1]!.cap || toks[i + 1]!.cls === 'pron')))
  for (let j = i + 1; adjunct && j <= sLast && j - i <= 14; j++) {
    const t = toks[j]!
    if (t.lower === 'that') {
      i = j
      break
    }
    // "said in a statement, Navalny would …": a channel adjunct ends at a comma before a clause
    if (t.text === ',' && j - i <= 8 && clauseOpens(toks[j + 1]) && namesChannel(toks, i, j)) {
      i = j + 1
      break
    }
    if (t.kind === 'mark' || t.kind === 'punct' || ctx.cueAt[j]! >= 0) break
  }
  while (i <= sLast && toks[i]!.text === ',') i++
  if (i > sLast) return null
  let end = cutAfterQuote(ctx, i, extendOverQuotes(ctx, i, clauseEnd(ctx, i, sLast, cue)))
  if (objectCue(ctx, cue, i)) end = objectEnd(ctx, i, end)
  return trimRange(toks, i, end)
}

/**
 * Whether tokens [from, to) name a channel words are said through: a thing that carries words
 * (`DOCUMENTS`, singular or plural: "in a statement", "in interviews") or a platform ("on Twitter").
 */
function namesChannel(toks: readonly Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k]!
    if (DOCUMENTS.has(t.lower) || DOCUMENTS.has(t.lower.replace(/s$/, '')) || PLATFORMS.has(t.text))
      return true
  }
  return false
}

/** Whether a token can open a content clause after an adjunct: a name, a pronoun, a determiner. */
function clauseOpens(t: Tok | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false
  if (t.lower === 'adding' || t.lower === 'saying' || t.lower === 'where' || t.lower === 'when')
    return false
  return t.cap || t.cls === 'pron' || t.cls === 'det'
}

/**
 * A cue whose content is an object phrase or an infinitive, not a clause: "endorsed Lee",
 * "criticized the plan", "wants to run".
 */
function objectCue(ctx: Ctx, cue: Cue, i: number): boolean {
  const t = ctx.toks[i]!
  if (t.lower === 'that' || QUESTION_WORDS.has(t.lower)) return false
  return cue.info.cls === 'appraise' || (cue.info.cls === 'think' && t.lower === 'to')
}

/**
 * The end of an object content: before a comma, dash or colon outside quotes ("endorsed Lee, who
 * …", "wants to run — a plan …"). Checked on train thirds: +0.2–0.4 end-to-end F1 over all
 * attributions, quote-marked F1 unchanged or +0.1; also cutting at subordinators ("as", "while")
 * or every infinitive lost 0.1–0.5.
 */
function objectEnd(ctx: Ctx, i: number, end: number): number {
  const { toks } = ctx
  for (let j = i + 1; j <= end; j++) {
    if (ctx.quoted[j]) continue
    const t = toks[j]!
    if (t.text === ',' || isDash(toks, j) || t.text === ':') return j - 1
    // the channel is not the object: "criticized the mayor on Twitter", "in a statement"
    const channelWord = t.lower === 'on' || t.lower === 'in' || t.lower === 'via'
    if (j > i + 1 && channelWord && end - j <= 4 && namesChannel(toks, j + 1, end + 1)) return j - 1
  }
  return end
}

/**
 * After a partial quote, a participle or a relative clause set off by a comma usually leaves the
 * reported words: "said the deal was “unfair,” noting that …" (checked on the training split:
 * +0.4 quote-marked F1; cutting after a dash or a preposition too lost more than it won).
 */
function cutAfterQuote(ctx: Ctx, first: number, end: number): number {
  const { toks } = ctx
  for (let j = first; j < end; j++) {
    const q = ctx.topAt[j]!
    if (q < 0) continue
    const close = ctx.ranges[q]!.last
    if (close >= end) return end
    const inside = /[,]$/.test(
      ctx.sc.text
        .slice(ctx.tops[q]!.pieces.at(-1)!.start, ctx.tops[q]!.pieces.at(-1)!.end)
        .trimEnd(),
    )
    const a = toks[close + 1]!
    const comma = inside || a.text === ','
    const n = a.text === ',' ? toks[close + 2] : a
    if (n !== undefined && n.kind === 'word') {
      const ing = !n.cap && n.cls === 'other' && n.lower.endsWith('ing') && n.lower.length > 5
      if (comma && (ing || n.lower === 'which' || n.lower === 'who')) return close
    }
    j = close
  }
  return end
}

/**
 * A content that opens a quote runs at least to its closing mark, even across the sentences
 * inside it ("said that the party “must wait. We will be ready by May.”").
 */
function extendOverQuotes(ctx: Ctx, first: number, end: number): number {
  const { toks, sc } = ctx
  for (let round = 0; round < 4; round++) {
    let ext = end
    for (let j = first; j <= end; j++) {
      const q = ctx.topAt[j]!
      if (q >= 0 && ctx.ranges[q]!.last > ext) ext = ctx.ranges[q]!.last
    }
    if (ext === end) return end
    const s = sc.sents[toks[ext]!.sent]!
    const sl = lastWordish(toks, s.first, s.end)
    first = end + 1
    end = ext >= sl ? ext : clauseEnd(ctx, ext, sl)
  }
  return end
}

/**
 * Whether two cues have the same inflection: "noted that … and quoted …" chains two verbs of one
 * speaker; "says he'd call the minister and tell him …" does not ("tell" goes with "he'd").
 */
function sameForm(a: Cue | null, b: Cue): boolean {
  return a === null || !b.bare || a.bare
}

/** Where the content that starts at `i` ends: the sentence end, or a chained or trailing cue. */
function clauseEnd(ctx: Ctx, i: number, sLast: number, owner: Cue | null = null): number {
  const { toks } = ctx
  for (let j = i + 1; j <= sLast; j++) {
    const t = toks[j]!
    if (ctx.quoted[j]) continue
    if (t.text === ';') return j - 1
    // "who called the plan “dead on arrival,” said he …": a quote closed on a comma, then a cue,
    // ends the relative clause
    if (
      closesOnComma(ctx.sc, toks[j - 1]!) &&
      ctx.cueAt[j]! >= 0 &&
      ctx.cues[ctx.cueAt[j]!]!.first === j
    )
      return j - 1
    const ci = ctx.cueAt[j]!
    if (ci >= 0 && ctx.cues[ci]!.first === j && !ctx.cues[ci]!.weak) {
      const prev = toks[j - 1]!
      const cue = ctx.cues[ci]!
      // ", adding …", ", according to …"
      if (prev.text === ',' && (cue.ing || cue.info.cls === 'according')) return j - 2
      // "… and added …": a second verb of the same speaker; after a that-clause only a verb of
      // speech, since others ("and thought") may belong to the clause's own subject
      const speech =
        cue.info.cls === 'say' || cue.info.cls === 'tell' || cue.info.cls === 'appraise'
      const clause = toks[i]!.lower === 'that' || SUBJECT_WORDS.has(toks[i]!.lower)
      if (
        (prev.lower === 'and' || prev.lower === 'but') &&
        (!clause || speech) &&
        sameForm(owner, cue)
      ) {
        return toks[j - 2]?.text === ',' ? j - 3 : j - 2
      }
      // "… and the mayor said …": a new speaker after a connector
      const sp = subjectOf(ctx, j, i)
      if (sp !== null && sp.first > i + 1) {
        const c = toks[sp.first - 1]!
        // "that the cost, scope and timing of the plan showed": 'and' inside the clause's subject
        const inSubject = c.lower === 'and' && toks[i]!.lower === 'that' && sp.first - i < 10
        if (!inSubject && (NEW_CLAUSE.has(c.lower) || c.text === ',' || c.text === '—')) {
          return toks[sp.first - 2]?.text === ',' ? sp.first - 3 : sp.first - 2
        }
      }
    }
    // a trailing modifier after a comma or dash: ", linking to …", ", which …", "— a swipe at …"
    if ((t.text === ',' || DASHES.has(t.text)) && trailing(ctx, j, sLast, i)) return j - 1
    // ", X said," inside the content: leave it to the parenthetical rule
    if (t.text === ',' && ci < 0) {
      const n = nextCueAfterSubject(ctx, j + 1, sLast)
      if (n >= 0) return j - 1
    }
  }
  return sLast
}

/**
 * Words that, after a comma, open a modifier that PolNeAR-style contents leave out more often
 * than not (counted on the training split: ", -ing" 57%, ", which" 60%, ", while" 61%); a dash
 * that is not closed again in the sentence ends the content too.
 */
const TRAILING = new Set(['which', 'while', 'whereas', 'although', 'though', 'despite', 'compared'])

function isDash(toks: readonly Tok[], k: number): boolean {
  const t = toks[k]!
  return DASHES.has(t.text) && !(t.text === '-' && toks[k - 1]?.end === t.start)
}

function trailing(ctx: Ctx, j: number, sLast: number, from: number): boolean {
  const { toks } = ctx
  const t = toks[j]!
  const n = toks[j + 1]
  if (n === undefined || j + 1 > sLast || n.kind !== 'word') return false
  if (DASHES.has(t.text)) {
    if (t.text === '-' && toks[j - 1]!.end === t.start) return false // a hyphen
    // the second dash of a pair closes an aside: "details — including the cost — of the plan"
    let before = 0
    for (let k = from; k < j; k++) if (isDash(toks, k) && !ctx.quoted[k]) before++
    if (before % 2 === 1) return false
    for (let k = j + 1; k <= sLast; k++) if (isDash(toks, k) && !ctx.quoted[k]) return false
    return j + 1 < sLast
  }
  // "announced that from June 15, wearing a mask would …": before the comma only an adjunct
  if (adjunctOnly(toks, from, j)) return false
  if (TRAILING.has(n.lower)) return true
  return n.lower.endsWith('ing') && n.lower.length > 5 && !n.cap && n.cls === 'other'
}

/** Whether tokens [from, to) are "that" and an adjunct alone: prepositions, dates, names, numbers. */
function adjunctOnly(toks: readonly Tok[], from: number, to: number): boolean {
  let k = from
  if (toks[k]?.lower === 'that') k++
  if (k >= to || toks[k]!.cls !== 'prep') return false
  for (; k < to; k++) {
    const t = toks[k]!
    if (t.kind === 'num' || (t.kind === 'punct' && t.text !== ',')) continue
    if (t.kind !== 'word') return false
    if (!(t.cap || t.cls === 'prep' || t.cls === 'det' || t.cls === 'time')) return false
  }
  return true
}

/** ", he said" / ", Smith said": a short subject and an unused cue right after position `i`. */
function nextCueAfterSubject(ctx: Ctx, i: number, sLast: number): number {
  const { toks } = ctx
  for (let j = i; j <= sLast && j - i <= 6; j++) {
    const ci = ctx.cueAt[j]!
    if (ci >= 0) {
      if (j === i) return -1
      const cue = ctx.cues[ci]!
      const sp = subjectOf(ctx, cue.first, i)
      if (sp === null || sp.first !== i) return -1
      const after = toks[cue.last + 1]
      if (after === undefined || after.text === ',' || END_PUNCT.test(after.text)) return ci
      return -1
    }
    if (!(isContent(toks[j]!) || toks[j]!.kind === 'word')) return -1
  }
  return -1
}

/** Content before a speaker: from the sentence start to token `last` (before the comma). */
function leftContent(ctx: Ctx, sFirst: number, last: number): Range | null {
  const { toks, sc } = ctx
  // a sentence that starts inside a quote begins the content where the quote's sentence does:
  // The rivals “were slow. They were late. They had no plan,” Lee said.
  const q = ctx.topAt[sFirst]!
  if (q >= 0 && ctx.ranges[q]!.first < sFirst)
    sFirst = sc.sents[toks[ctx.ranges[q]!.first]!.sent]!.first
  let first = sFirst
  // start after a colon or semicolon in the sentence
  for (let j = last; j > sFirst; j--) {
    if (toks[j]!.text === ':' || toks[j]!.text === ';') {
      first = j + 1
      break
    }
  }
  return trimRange(toks, first, last)
}

/** A short phrase opened by a preposition or adverb: "In both cases", "Still", "On Tuesday". */
function introductory(toks: readonly Tok[], r: Range): boolean {
  const t = toks[r.first]!
  const opener = t.cls === 'prep' || t.cls === 'adv' || t.cls === 'conj' || t.cls === 'time'
  return opener && r.last - r.first < 6
}

function hasContentWord(toks: readonly Tok[], r: Range): boolean {
  for (let j = r.first; j <= r.last; j++) {
    const t = toks[j]!
    if (isContent(t) && !(t.cap && t.cls !== 'other' && j === r.first)) return true
  }
  return false
}

function endsClause(toks: readonly Tok[], i: number, sLast: number): boolean {
  if (i > sLast) return true
  const t = toks[i]!
  return t.text === ',' || END_PUNCT.test(t.text) || t.text === ';'
}

/** The last token of a sentence that is not final punctuation or a closing mark. */
function lastWordish(toks: readonly Tok[], first: number, end: number): number {
  let j = end - 1
  while (j > first) {
    const t = toks[j]!
    if (t.kind === 'punct' && (END_PUNCT.test(t.text) || t.text === ')')) j--
    else break
  }
  return j
}

/** Trims punctuation and dashes from both ends of a token range; null if nothing is left. */
function trimRange(toks: readonly Tok[], first: number, last: number): Range | null {
  let a = first
  let b = last
  while (a <= b && toks[a]!.kind === 'punct' && toks[a]!.text !== '(') a++
  while (b >= a && toks[b]!.kind === 'punct' && toks[b]!.text !== ')') b--
  if (a > b) return null
  let words = 0
  for (let j = a; j <= b; j++) if (toks[j]!.kind === 'word' || toks[j]!.kind === 'num') words++
  return words > 0 ? { first: a, last: b } : null
}

// ---------------------------------------------------------------------------------------------
// 3. continued quotes

/** A quote that is a sentence on its own: it opens and closes its clause, three words or more. */
function standsAlone(ctx: Ctx, qi: number): boolean {
  const q = ctx.tops[qi]!
  if (!opensClause(ctx, qi)) return false
  const span = contentSpan(q)
  const inner = ctx.sc.text.slice(span.start, span.end).trim()
  return inner.split(/\s+/).length >= 3
}

/**
 * Who says a long quoted passage that starts at token `first`: the speaker of an attribution in
 * its sentence; else the sentence's subject ("Sanders used the question to demand “…”"), or the
 * name before its colon ("POLLS WERE EARLY - Mark Blumenthal: “…”"), or the possessor of the words
 * that introduce it ("Barrett’s dictum was “…”"); else the paragraph's last speaker.
 */
function passageSpeaker(ctx: Ctx, out: readonly Attribution[], first: number): Range | null {
  const { toks, sc } = ctx
  const s = toks[first]!.sent
  const same = out.find(
    (a) => a.speaker !== null && a.segments.some((seg) => toks[seg.first]!.sent === s),
  )
  if (same !== undefined) return same.speaker
  const sFirst = sc.sents[s]!.first
  let subject = first > sFirst ? clauseSubject(ctx, sFirst, first) : null
  if (subject !== null && ctx.quoted[subject.first]) subject = null
  const np = toks[first - 1]?.text === ':' ? leftNP(sc, first - 2, sFirst) : null
  if (np !== null && toks[np.first]!.cap) subject = np
  else if (subject !== null) subject = possessor(toks, subject) ?? subject
  if (subject !== null) return subject
  const prev = lastBefore(out, first, ctx)
  if (prev === null) return null
  const pLast = prev.segments[prev.segments.length - 1]!.last
  return toks[pLast]!.para === toks[first]!.para ? prev.speaker : null
}

/** "VERB NP as (a) “…”": the object NP and the quote are the content, the verb the cue. */
function quotedAs(ctx: Ctx, qi: number): Attribution | null {
  const { toks, sc } = ctx
  const { first, last } = ctx.ranges[qi]!
  const sFirst = sc.sents[toks[first]!.sent]!.first
  let j = first - 1
  if (j >= sFirst && ['a', 'an', 'the'].includes(toks[j]!.lower)) j--
  if (j <= sFirst || toks[j]!.lower !== 'as') return null
  const found = leftNP(sc, j - 1, sFirst)
  if (found === null) return null
  const np = { ...found }
  const verbish = (k: number): boolean => {
    const t = toks[k]
    if (t === undefined || k <= sFirst || t.kind !== 'word' || t.cap || t.cls !== 'other')
      return false
    return !ctx.quoted[k] && (toks[k - 1]?.lower === 'to' || /(?:ed|es|s|ing)$/.test(t.lower))
  }
  // the phrase reader may take the verb into the phrase ("pounding Trump", "admires Russian
  // President Vladimir Putin"): then its first word is the verb
  if (!verbish(np.first - 1) && np.first < np.last && verbish(np.first)) np.first++
  const v = np.first - 1
  if (!verbish(v)) return null
  const vt = toks[v]!
  const bare = toks[v - 1]?.lower === 'to'
  for (let k = np.first; k <= np.last; k++) if (ctx.quoted[k]) return null
  const sp = subjectOf(ctx, v, sFirst)
  if (sp === null && !bare) return null
  return {
    segments: [{ first: np.first, last }],
    quotes: [ctx.tops[qi]!],
    speaker: sp?.mention ?? null,
    cue: frameCue(v, v, vt.lower, 'appraise'),
    pattern: 'svc',
  }
}

const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my'])

/** Nouns for what someone says: the possessor of "her remark", "Barrett’s dictum" said it. */
const SAYING_NOUNS = new Set([
  ...DOCUMENTS,
  ...'remark remarks comment comments words promise pledge vow claim claims dictum motto slogan mantra line phrase quote catchphrase answer response reply question warning argument view position advice'.split(
    ' ',
  ),
])

/** The possessor that opens a phrase for words: "her" of "her remark", "Lee's" of "Lee's promise". */
function possessor(toks: readonly Tok[], np: Range): Range | null {
  let saying = false
  for (let k = np.first; k <= np.last; k++) if (SAYING_NOUNS.has(toks[k]!.lower)) saying = true
  if (!saying) return null
  for (let k = np.first; k < np.last; k++) {
    const t = toks[k]!
    if (POSSESSIVE_DETERMINERS.has(t.lower)) return k === np.first ? { first: k, last: k } : null
    if (/['’]s$/.test(t.lower)) return { first: np.first, last: k }
  }
  return null
}

/**
 * Words a quoted passage needs to count as a quote without a cue. On the PolNeAR training split,
 * 6, 8 and 12 gave quote-marked content F1 88.4, 88.6 and 88.5 (87.9 without the rule).
 */
const LONG_PASSAGE = 8

/** A quoted passage of many words that no dash introduces: rarely a title or a scare quote. */
function longPassage(ctx: Ctx, qi: number): boolean {
  const { toks } = ctx
  const { first, last } = ctx.ranges[qi]!
  const before = toks[first - 1]?.text ?? ''
  if (DASHES.has(before) || CREDIT_DASHES.has(before)) return false
  let words = 0
  for (let j = first; j <= last; j++)
    if (toks[j]!.kind === 'word' || toks[j]!.kind === 'num') words++
  return words >= LONG_PASSAGE
}

/**
 * The attribution a quoted sentence at `pos` continues: the last one before it, passing over
 * reported speech inside the attribution clause of a direct quote ("“…,” X told the Journal,
 * after arguing that …").
 */
function lastBefore(list: readonly Attribution[], pos: number, ctx: Ctx): Attribution | null {
  const { toks } = ctx
  const ends = list
    .map((a) => {
      const seg = a.segments[a.segments.length - 1]!
      return { a, end: Math.max(seg.last, a.cue?.last ?? -1, a.speaker?.last ?? -1) }
    })
    .filter((x) => x.end < pos)
    .sort((x, y) => y.end - x.end)
  const top = ends[0]
  if (top === undefined) return null
  if (top.a.quotes.length > 0 || top.a.cue === null) return top.a
  const s = toks[top.a.cue.first]!.sent
  const direct = ends.find(
    (x) => x.a.pattern.startsWith('quote') && x.a.cue !== null && toks[x.a.cue.first]!.sent === s,
  )
  return direct?.a ?? top.a
}

/**
 * The quote follows the attribution in the same paragraph, with only the attribution's own
 * sentence between them, or opens the next paragraph right after it.
 */
function closeEnough(ctx: Ctx, a: Attribution, qi: number): boolean {
  const { toks, sc } = ctx
  const seg = a.segments[a.segments.length - 1]!
  const lastTok = Math.max(seg.last, a.cue?.last ?? 0, a.speaker?.last ?? 0)
  const { first } = ctx.ranges[qi]!
  const pa = toks[lastTok]!.para
  const pq = toks[first]!.para
  const sentences = new Set<number>()
  if (a.cue !== null) sentences.add(toks[a.cue.first]!.sent)
  if (a.speaker !== null) sentences.add(toks[a.speaker.first]!.sent)
  for (const s of a.segments) sentences.add(toks[s.last]!.sent)
  const between = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const t = toks[j]!
      if ((t.kind === 'word' || t.kind === 'num') && ctx.topAt[j]! < 0 && !sentences.has(t.sent))
        return false
    }
    return true
  }
  if (pq === pa) return between(lastTok + 1, first)
  if (pq !== pa + 1) return false
  // the next paragraph opens with the quote
  return sc.paras[pq]!.first === first && between(lastTok + 1, sc.paras[pa]!.end)
}

// ---------------------------------------------------------------------------------------------
// 3. frames without a reporting verb's subject

/** Whether token `i` lies in the content, cue or speaker of an attribution already found. */
function covered(list: readonly Attribution[], i: number): boolean {
  return list.some(
    (a) =>
      a.segments.some((s) => s.first <= i && i <= s.last) ||
      (a.cue !== null && a.cue.first <= i && i <= a.cue.last) ||
      (a.speaker !== null && a.speaker.first <= i && i <= a.speaker.last),
  )
}

function frameCue(first: number, last: number, lemma: string, cls: Cue['info']['cls']): Cue {
  return {
    first,
    last,
    info: { lemma, cls, tier: 3 },
    passive: false,
    ing: false,
    bare: false,
    weak: false,
  }
}

function frames(ctx: Ctx, done: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = []
  const all = () => [...done, ...out]
  for (const p of ctx.sc.paras) {
    const a = headlineColon(ctx, p.first, p.end)
    if (a !== null && !covered(all(), a.segments[0]!.first)) out.push(a)
  }
  for (let ci = 0; ci < ctx.cues.length; ci++) {
    const cue = ctx.cues[ci]!
    if (ctx.usedCue[ci] || cue.info.lemma !== 'ask') continue
    const a = askedWh(ctx, cue)
    if (a !== null && !covered(all(), cue.first)) {
      ctx.usedCue[ci] = 1
      out.push(a)
    }
  }
  const { toks } = ctx
  for (let i = 1; i < toks.length; i++) {
    if (ctx.quoted[i]) continue
    // "X is said to be furious" is a stance with no source, as "X seems to be" is
    const ci = ctx.cueAt[i]!
    const saidTo = ci >= 0 && ctx.cues[ci]!.passive && toks[i]!.lower === 'said'
    if (!saidTo && (!SEEM.has(toks[i]!.lower) || ci >= 0)) continue
    const a = seems(ctx, i)
    if (a !== null && !covered(all(), i)) {
      if (saidTo) ctx.usedCue[ci] = 1
      out.push(a)
    }
  }
  return out
}

/**
 * A paragraph opened by a short name and a colon, the way headlines and transcripts attribute:
 * "Senator: Plan Is ‘Dead on Arrival’", "LEE: We will not back down." The content runs to the
 * paragraph's end; the name is the speaker.
 */
function headlineColon(ctx: Ctx, first: number, end: number): Attribution | null {
  const { toks, sc } = ctx
  let colon = -1
  // the name is at most six tokens ("Former Gov. Ana Ruiz", "Clinton camp")
  for (let j = first + 1; j < end && j - first <= 6; j++) {
    if (toks[j]!.text === ':') {
      colon = j
      break
    }
    if (toks[j]!.kind === 'punct' && toks[j]!.text !== '.' && toks[j]!.text !== '-') return null
    if (toks[j]!.kind === 'mark' || toks[j]!.kind === 'single') return null
  }
  if (colon < 0 || ctx.quoted[colon]) return null
  const head = toks[first]!
  if (head.kind !== 'word' || !head.cap || head.cls === 'prep' || head.cls === 'conj') return null
  const sp = rightNP(sc, first, colon)
  if (sp === null || sp.last !== colon - 1) return null
  // "Update:", "Note:", "Editor's note:" and datelines are not speakers
  for (let j = first; j < colon; j++) if (NOT_SPEAKERS.has(toks[j]!.lower)) return null
  const content = trimRange(toks, colon + 1, lastWordish(toks, colon + 1, end))
  if (content === null) return null
  let words = 0
  for (let j = content.first; j <= content.last; j++) if (toks[j]!.kind === 'word') words++
  if (words < 3) return null
  return { segments: [content], quotes: [], speaker: sp, cue: null, pattern: 'headline-colon' }
}

/** Labels before a colon that name no speaker. */
const NOT_SPEAKERS = new Set([
  'update',
  'updated',
  'note',
  'correction',
  'clarification',
  'related',
  'watch',
  'read',
  'photos',
  'photo',
  'video',
  'source',
  'sources',
  'editor',
  'editor’s',
  "editor's",
  'disclosure',
  'warning',
  'spoiler',
  'contributing',
  'breaking',
  'reminder',
  'also',
  'more',
  'here',
  'this',
  'the',
  'and',
])

/** Words that open an indirect question after "asked": "asked whether …", "asked about …". */
const QUESTION_WORDS = new Set([
  'whether',
  'if',
  'what',
  'why',
  'how',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'about',
])

/**
 * "When asked whether …", "Lee was asked about …", "Asked what …": a question whose asker is not
 * named; the content is the question, the speaker is absent.
 */
function askedWh(ctx: Ctx, cue: Cue): Attribution | null {
  const { toks, sc } = ctx
  const s = sc.sents[toks[cue.first]!.sent]!
  const sLast = lastWordish(toks, s.first, s.end)
  let i = cue.last + 1
  if (i > sLast) return null
  if (!QUESTION_WORDS.has(toks[i]!.lower)) {
    // "asked Lee whether …": a recipient first
    const np = rightNP(sc, i, sLast + 1)
    if (np === null || np.last + 1 > sLast) return null
    i = np.last + 1
    if (!QUESTION_WORDS.has(toks[i]!.lower)) return null
  }
  // the asker: "Lee asked whether" names one; "was asked", "when asked", "asked" opening do not
  let speaker: Range | null = null
  const prev = toks[cue.first - 1]
  const intro =
    prev === undefined ||
    cue.first === s.first ||
    (['when', 'after', 'if', 'once'].includes(prev.lower) && cue.first - 1 === s.first)
  if (!cue.passive && !intro && prev.text !== ',') {
    speaker = subjectOf(ctx, cue.first, s.first)?.mention ?? null
    if (speaker === null) return null
  }
  let end = extendOverQuotes(ctx, i, clauseEnd(ctx, i, sLast))
  // "When asked whether …, the mayor smiled": an introductory clause ends at its comma
  if (intro) {
    for (let j = i + 1; j < end; j++) {
      if (toks[j]!.text === ',' && !ctx.quoted[j]) {
        end = j - 1
        break
      }
    }
  }
  const seg = trimRange(toks, i, end)
  if (seg === null) return null
  return { segments: [seg], quotes: [], speaker, cue, pattern: 'asked-wh' }
}

const SEEM = new Set(['seem', 'seems', 'seemed', 'seeming', 'appear', 'appears', 'appeared'])
/** What comes after "appear" when it means "show up": "appeared on television". */
const APPEAR_PLACES = new Set([
  'on',
  'at',
  'in',
  'before',
  'with',
  'alongside',
  'onstage',
  'together',
  'live',
  'briefly',
  'only',
  'during',
  'for',
  'as',
  'here',
  'there',
])

/**
 * "X seems to …", "X appeared unfazed", "It appears that …": a stance that PolNeAR attributes to
 * no one. The content is the subject and what is said of it ("it … that" leaves only the clause).
 */
function seems(ctx: Ctx, i: number): Attribution | null {
  const { toks, sc } = ctx
  const t = toks[i]!
  const s = sc.sents[t.sent]!
  const sLast = lastWordish(toks, s.first, s.end)
  const n = toks[i + 1]
  if (n === undefined || i + 1 > sLast || n.kind !== 'word') return null
  if (t.lower.startsWith('appear') && APPEAR_PLACES.has(n.lower)) return null
  if (n.cls === 'time' || n.cls === 'conj') return null
  const prev = toks[i - 1]!
  if (prev.cls === 'det' || prev.lower === 'to') return null // "the appearance", "to appear"
  const lemma = t.lower === 'said' ? 'say' : t.lower.startsWith('seem') ? 'seem' : 'appear'
  const cue = frameCue(i, i, lemma, 'think')
  const end = extendOverQuotes(ctx, i + 1, clauseEnd(ctx, i + 1, sLast))
  const right = trimRange(toks, i + 1, end)
  if (right === null) return null
  const k = skipAuxLeft(toks, i - 1, s.first)
  if (
    k >= s.first &&
    toks[k]!.lower === 'it' &&
    (n.lower === 'that' || n.lower === 'as' || n.lower === 'like')
  )
    return { segments: [right], quotes: [], speaker: null, cue, pattern: 'seem' }
  const subj = subjectOf(ctx, i, s.first)
  if (subj === null || ctx.quoted[subj.mention.first]) return null
  const sub = subj.mention
  if (toks[sub.first]!.cls === 'pron' && toks[sub.first]!.lower === 'it') return null
  return {
    segments: [{ first: sub.first, last: sub.last }, right],
    quotes: [],
    speaker: null,
    cue,
    pattern: 'seem',
  }
}
