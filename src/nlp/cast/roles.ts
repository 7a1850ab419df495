/**
 * @module nlp/cast/roles: reading a title or description ("French President", "Macron's chief
 * of staff", "a spokeswoman for the ministry") into a role: its head ("president"), class
 * (leader), place (France), holder-of ("Macron"), qualifiers ("foreign") and whether it is
 * former; and deciding whether a later reference ("the French leader") fits a role.
 */
import {
  type Gender,
  MAX_ROLE_WORDS,
  placeOf,
  ROLE_MODIFIERS,
  ROLE_RANKS,
  ROLES,
  type RoleClass,
} from '../lexicons/index.js'

/** A role as read from a description. */
export interface Role {
  /** The role's words, lower case, with its rank: "president", "deputy governor". */
  head: string
  cls: RoleClass
  gender?: Gender
  /** The canonical place the role belongs to: "France". */
  place?: string
  /** Whose role it is, as written: "Macron" in "Macron's chief of staff". */
  of?: string
  /** Other words that narrow the role, lower case: "foreign" in "foreign minister". */
  qualifiers: string[]
  former: boolean
}

/** Every word that can be part of a role, lower case (for scanning titles). */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  [...ROLES.keys()].flatMap((k) => k.split(' ')),
)

/** The longest role starting at `words[i]`: its length in words and entry. */
export function roleAt(
  words: readonly string[],
  i: number,
): { length: number; key: string; cls: RoleClass; gender?: Gender } | undefined {
  const first = words[i]
  if (first === undefined) return undefined
  const lower = first.toLowerCase()
  if (!ROLE_WORDS.has(lower) && !ROLES.has(first)) return undefined
  let found: { length: number; key: string; cls: RoleClass; gender?: Gender } | undefined
  let key = lower
  for (let n = 1; n <= MAX_ROLE_WORDS && i + n <= words.length; n++) {
    if (n > 1) key = `${key} ${words[i + n - 1]!.toLowerCase()}`
    const entry = ROLES.get(key) ?? (n === 1 ? ROLES.get(first) : undefined)
    if (entry !== undefined) found = { length: n, key, ...entry }
  }
  return found
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that'])
const LINKS = new Set(['of', 'for', 'to', 'at', 'in', 'on', 'from', 'with', 'and', '&'])

/**
 * Reads a role from the words of a description; undefined when no role word is in it.
 * @example parseRole(['Macron', "'s", 'chief', 'of', 'staff']) // { head: 'chief of staff', of: 'Macron', … }
 */
export function parseRole(words: readonly string[]): Role | undefined {
  // the head: the last role in the phrase before any "of/for …" complement
  let head:
    | { start: number; length: number; key: string; cls: RoleClass; gender?: Gender }
    | undefined
  for (let i = 0; i < words.length; i++) {
    const r = roleAt(words, i)
    if (r !== undefined) {
      head = { start: i, ...r }
      i += r.length - 1
    } else if (head !== undefined && LINKS.has(words[i]!.toLowerCase())) {
      break
    }
  }
  if (head === undefined) return undefined
  const role: Role = { head: head.key, cls: head.cls, qualifiers: [], former: false }
  if (head.gender !== undefined) role.gender = head.gender
  const ranks: string[] = []
  for (let i = 0; i < words.length; i++) {
    if (i >= head.start && i < head.start + head.length) continue
    const w = words[i]!
    const lower = w.toLowerCase().replace(/^ex-$/, 'ex')
    const next = words[i + 1]
    if (next === "'s" || next === '’s' || next === "'" || next === '’') {
      // a possessor: a place makes the role's place, anyone else holds it ("Macron's aide")
      const owner = collectName(words, i)
      const place = placeOf(owner)
      if (place !== undefined) role.place = place.name
      else if (!DETERMINERS.has(lower)) role.of = owner
      i++
      continue
    }
    if (lower === "'s" || lower === '’s') continue
    if (i > head.start && LINKS.has(lower)) {
      // "President of France", "chief of staff to Macron", "spokeswoman for the ministry"
      const rest = words.slice(i + 1).filter((x) => !DETERMINERS.has(x.toLowerCase()))
      const name = rest.join(' ')
      const place = placeOf(name)
      if (place !== undefined) role.place = place.name
      else if (rest.length > 0 && /^\p{Lu}/u.test(rest[0]!)) role.of = name
      else if (rest.length > 0) role.qualifiers.push(...rest.map((x) => x.toLowerCase()))
      break
    }
    if (lower === 'former' || lower === 'ex' || lower === 'then' || lower === 'late') {
      role.former = true
      continue
    }
    if (ROLE_RANKS.has(lower) && i < head.start) {
      ranks.push(lower)
      continue
    }
    if (DETERMINERS.has(lower) || ROLE_MODIFIERS.has(lower)) continue
    const place = placeOf(w)
    if (place !== undefined) {
      role.place = place.name
      continue
    }
    if (/^[\p{L}-]+$/u.test(w)) role.qualifiers.push(lower)
  }
  if (ranks.length > 0) role.head = `${ranks.join(' ')} ${role.head}`
  return role
}

/** Joins the capitalised words that end at `i` ("Emmanuel Macron" before "'s"). */
function collectName(words: readonly string[], i: number): string {
  let j = i
  while (j > 0 && /^\p{Lu}/u.test(words[j - 1]!) && /^\p{Lu}/u.test(words[j]!)) j--
  return words.slice(j, i + 1).join(' ')
}

// Generic words that stand for a class of roles in a later reference ("the French leader").
const CLASS_WORDS: Readonly<Record<string, readonly RoleClass[]>> = {
  leader: ['leader', 'royal'],
  aide: ['aide'],
  official: ['minister', 'aide', 'official', 'diplomat', 'regional', 'deputy-leader'],
  diplomat: ['diplomat', 'minister'],
  lawmaker: ['legislator'],
  executive: ['executive'],
  boss: ['executive'],
  monarch: ['royal'],
}

/** How well a reference role fits a held role: 0 not at all, 1 loosely, 2 closely. */
export function roleFit(ref: Role, held: Role): number {
  if (ref.former !== held.former) return 0
  const classes = CLASS_WORDS[ref.head]
  // "the minister" fits a "Foreign Minister" (head minister, qualifier foreign); "the president"
  // does not fit a "vice president" (the rank is part of the head)
  const headFits = ref.head === held.head || classes?.includes(held.cls) === true
  if (!headFits) return 0
  for (const q of ref.qualifiers) if (!held.qualifiers.includes(q)) return 0
  if (ref.of !== undefined && (held.of === undefined || !sameHolder(ref.of, held.of))) return 0
  if (ref.place !== undefined && held.place !== undefined && ref.place !== held.place) return 0
  if (ref.place !== undefined && held.place === undefined) return 1
  return 2
}

function sameHolder(a: string, b: string): boolean {
  const la = a.toLowerCase().split(/\s+/)
  const lb = b.toLowerCase().split(/\s+/)
  return la[la.length - 1] === lb[lb.length - 1]
}
