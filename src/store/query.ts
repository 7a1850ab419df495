/**
 * @module store/query: the search language users type, parsed and rewritten into a safe FTS5
 * expression. Words, "exact phrases", prefix*, AND / OR / NOT (or a leading `-`), parentheses and
 * field:word (title, text, quotes, names). Every word and phrase is quoted in the output, so
 * punctuation in a query ("U.S.", "covid-19") can never be an FTS5 syntax error.
 */
import type { Result } from '../core/index.js'
import { err, ok } from '../core/index.js'

export interface QueryError {
  code: 'invalid_query'
  message: string
}

/** The searchable fields of an article; `names` holds the entity names of its cast. */
export const SEARCH_FIELDS = ['title', 'text', 'quotes', 'names'] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

export type QueryNode =
  | { kind: 'term'; text: string; phrase: boolean; prefix: boolean; field?: string }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }

type Token =
  | { t: 'word'; text: string; prefix: boolean; field?: string }
  | { t: 'phrase'; text: string; field?: string }
  | { t: 'and' | 'or' | 'not' | 'lparen' | 'rparen' }

function tokenize(input: string, fields: readonly string[]): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const c = input[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '(') {
      tokens.push({ t: 'lparen' })
      i++
      continue
    }
    if (c === ')') {
      tokens.push({ t: 'rparen' })
      i++
      continue
    }
    if (c === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      // `-` negates only at the start of a term; inside "covid-19" it is part of the word.
      tokens.push({ t: 'not' })
      i++
      continue
    }
    let field: string | undefined
    const fm = /^([a-z]+):(?=\S)/i.exec(input.slice(i))
    if (fm && fields.includes(fm[1]!.toLowerCase())) {
      field = fm[1]!.toLowerCase()
      i += fm[0].length
    }
    const q = input[i]
    if (q === '"' || q === '“' || q === '”') {
      const close = input.slice(i + 1).search(/["“”]/)
      const end = close === -1 ? input.length : i + 1 + close
      const text = input.slice(i + 1, end)
      if (text.trim() !== '') tokens.push({ t: 'phrase', text, ...(field && { field }) })
      i = end + 1
      continue
    }
    const m = /^[^\s()"“”]+/.exec(input.slice(i))
    if (!m) {
      i++
      continue
    }
    i += m[0].length
    const raw = m[0]
    if (field === undefined && (raw === 'AND' || raw === 'OR' || raw === 'NOT')) {
      tokens.push({ t: raw.toLowerCase() as 'and' | 'or' | 'not' })
      continue
    }
    const prefix = raw.length > 1 && raw.endsWith('*')
    const text = prefix ? raw.slice(0, -1) : raw
    // A word with no letter or digit ("&", "—") would match nothing and FTS5 would reject it.
    if (!/[\p{L}\p{N}]/u.test(text)) continue
    tokens.push({ t: 'word', text, prefix, ...(field && { field }) })
  }
  return tokens
}

/** Parses a user query. An empty query parses to undefined (list without text search). */
export function parseQuery(
  input: string,
  fields: readonly string[] = SEARCH_FIELDS,
): Result<QueryNode | undefined, QueryError> {
  const tokens = tokenize(input, fields)
  let pos = 0
  const peek = (): Token | undefined => tokens[pos]
  const fail = (message: string) => err<QueryError>({ code: 'invalid_query', message })

  function parseOr(): QueryNode | undefined {
    const items: QueryNode[] = []
    const first = parseAnd()
    if (first) items.push(first)
    while (peek()?.t === 'or') {
      pos++
      const next = parseAnd()
      if (next) items.push(next)
    }
    if (items.length === 0) return undefined
    return items.length === 1 ? items[0] : { kind: 'or', items }
  }
  function parseAnd(): QueryNode | undefined {
    const items: QueryNode[] = []
    for (;;) {
      const t = peek()
      if (t === undefined || t.t === 'or' || t.t === 'rparen') break
      if (t.t === 'and') {
        pos++
        continue
      }
      const u = parseUnary()
      if (u) items.push(u)
    }
    if (items.length === 0) return undefined
    return items.length === 1 ? items[0] : { kind: 'and', items }
  }
  function parseUnary(): QueryNode | undefined {
    const t = peek()
    if (t === undefined) return undefined
    if (t.t === 'not') {
      pos++
      const inner = parseUnary()
      return inner ? { kind: 'not', item: inner } : undefined
    }
    pos++
    if (t.t === 'lparen') {
      const inner = parseOr()
      if (peek()?.t === 'rparen') pos++
      return inner
    }
    if (t.t === 'word')
      return {
        kind: 'term',
        text: t.text,
        phrase: false,
        prefix: t.prefix,
        ...(t.field && { field: t.field }),
      }
    if (t.t === 'phrase')
      return {
        kind: 'term',
        text: t.text,
        phrase: true,
        prefix: false,
        ...(t.field && { field: t.field }),
      }
    return undefined // a stray `)` or operator
  }

  const tree = parseOr()
  while (pos < tokens.length) {
    // Unbalanced `)`: skip it and keep reading, as a search box should.
    pos++
    const more = parseOr()
    if (more && tree) return toResult({ kind: 'and', items: [tree, more] })
  }
  return toResult(tree)

  function toResult(node: QueryNode | undefined) {
    if (node && !hasPositive(node))
      return fail('a query needs at least one word that is not negated (NOT or -)')
    return ok(node)
  }
}

function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
      return true
    case 'not':
      return false
    case 'and':
      return node.items.some(hasPositive)
    case 'or':
      return node.items.every(hasPositive)
  }
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`

/** Writes a parsed query as an FTS5 MATCH expression. FTS5's NOT is binary: `a NOT b`. */
export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'term': {
      const body = `${quote(node.text)}${node.prefix ? '*' : ''}`
      return node.field ? `${node.field} : ${body}` : body
    }
    case 'or':
      return `(${node.items.map(toFts5).join(' OR ')})`
    case 'not':
      // Only reached for a NOT nested where no positive sibling exists (rejected by the parser).
      return toFts5(node.item)
    case 'and': {
      const pos = node.items.filter((n) => n.kind !== 'not')
      const neg = node.items.filter(
        (n): n is Extract<QueryNode, { kind: 'not' }> => n.kind === 'not',
      )
      let out = pos.length === 1 ? toFts5(pos[0]!) : `(${pos.map(toFts5).join(' AND ')})`
      for (const n of neg) out = `(${out} NOT ${toFts5(n.item)})`
      return out
    }
  }
}

/** The words of a query that are searched for (not negated), for highlighting elsewhere. */
export function positiveTerms(node: QueryNode | undefined): string[] {
  if (!node) return []
  switch (node.kind) {
    case 'term':
      return [node.text]
    case 'not':
      return []
    case 'and':
    case 'or':
      return node.items.flatMap(positiveTerms)
  }
}

/** Parses a user query and writes it for FTS5 in one step. */
export function compileQuery(
  input: string,
  fields: readonly string[] = SEARCH_FIELDS,
): Result<string | undefined, QueryError> {
  const parsed = parseQuery(input, fields)
  if (!parsed.ok) return parsed
  return ok(parsed.value ? toFts5(parsed.value) : undefined)
}
