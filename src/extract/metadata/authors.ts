/**
 * Author names as pages give them ("By JANE DOE and John Roe, Staff Writers | Nov. 18, 2019") →
 * clean personal names ["Jane Doe", "John Roe"]: prefixes, roles, dates, e-mails, outlets and
 * "and"/"&"/comma joins are removed, case is fixed when a name is all upper-case.
 */

const PREFIX_RE =
  /^(?:(?:story|text|words|article|written|posted|published|reported|compiled|edited|photos?|reporting)\s+(?:and\s+\w+\s+)?by|by|from|author|authors|reporter|writer|autor|auteur|par|von|di|por)\s*[:\-–—]?\s+/i
const ROLE_WORDS =
  /\b(?:staff|senior|chief|contributing|special|guest|freelance|associate|deputy|executive|managing|political|national|foreign|business|sports?|tech(?:nology)?|science|health|editor(?:ial)?|editors|writer|writers|reporter|reporters|correspondent|correspondents|columnist|contributor|journalist|analyst|producer|photographer|intern|fellow|director|manager|president|host|anchor|bureau|desk|team|staff writer)\b/i
const DATE_TAIL_RE =
  /\s*(?:[|,•·–—-]\s*)?(?:(?:updated|published|posted|on)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}).*$/i
// Joins between names. "and" in any case ("JANE DOE AND JOHN ROE"); the short joins of other
// languages only in lower case and never before a full stop, so that the middle initials of
// "Jane E. Smith" or "John Y Kim" are not read as "e" (Italian, Portuguese) or "y" (Spanish).
const JOIN_RE = /\s*(?:,|;|&|\+|\/|\b[Aa][Nn][Dd]\b|\b(?:und|et|y|e)\b(?!\.))\s*/
const NOT_A_NAME_RE =
  /^(?:admin|administrator|staff|editor|editors|editorial|newsroom|news desk|web desk|team|guest|anonymous|unknown|null|undefined|none|associated press|the associated press|ap|reuters|afp|cnn|bbc|wire|wires|press release)$/i

/** Splits and cleans raw author strings; keeps order, drops duplicates and non-names. */
export function cleanAuthors(raw: readonly string[], siteName?: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  const site = siteName?.trim().toLowerCase()
  for (const r of raw) {
    for (const name of splitNames(r)) {
      const key = name.toLowerCase()
      if (seen.has(key) || key === site) continue
      seen.add(key)
      out.push(name)
    }
  }
  return out
}

function splitNames(raw: string): string[] {
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/[\u200b\u00a0]/g, ' ')
    .trim()
  if (s === '' || /^https?:\/\//i.test(s) || s.length > 200) return []
  s = s.replace(/\S+@\S+\.\w+/g, ' ') // e-mail addresses
  s = s.replace(/@\w+/g, ' ') // social handles
  s = s.replace(DATE_TAIL_RE, '')
  s = s.replace(PREFIX_RE, '')
  // Outlet or role after a bar or dash: "Jane Doe | CNN", "Jane Doe - Staff Writer".
  s = s.replace(/\s+[|•·–—]\s+.*$/, '').replace(/\s+-\s+.*$/, '')
  const parts = s.split(JOIN_RE).map((p) => p.replace(PREFIX_RE, '').trim())
  const names: string[] = []
  for (let p of parts) {
    p = p
      .replace(/^[^\p{L}]+|[^\p{L}.)]+$/gu, '')
      .replace(/\s*\(.*?\)\s*/g, ' ')
      .trim()
    if (p === '' || NOT_A_NAME_RE.test(p)) continue
    // Roles before or after the name: "Staff reporter Jane Doe", "Jane Doe, Staff Writer".
    p = p.replace(new RegExp(`^(?:${ROLE_WORDS.source}\\s*)+`, 'i'), '').trim()
    p = cutTrailingRole(p)
    if (!looksLikeName(p)) continue
    names.push(fixCase(p))
  }
  return names
}

/**
 * "Jane Doe Staff Writer" → "Jane Doe", but "Jennifer Senior" stays whole: a single role word
 * right after a lone given name is read as a surname, since a byline's role follows a full name.
 */
function cutTrailingRole(p: string): string {
  const roleAt = p.search(ROLE_WORDS)
  if (roleAt < 0) return p
  const name = p.slice(0, roleAt).trim()
  const role = p.slice(roleAt).trim()
  if (name.split(/\s+/).length < 2 && role.split(/\s+/).length < 2 && /^\p{Lu}/u.test(role))
    return p
  return name
}

/** One to five words, mostly letters, at least one starting upper-case; no digits. */
function looksLikeName(s: string): boolean {
  if (s.length < 2 || s.length > 60 || /\d/.test(s)) return false
  const words = s.split(/\s+/)
  if (words.length > 5) return false
  if (!words.some((w) => /^\p{Lu}/u.test(w))) return false
  return /^[\p{L}\p{M}.'’\- ]+$/u.test(s)
}

/** "JANE DOE" → "Jane Doe"; "McDonald" and mixed case are left alone. */
function fixCase(s: string): string {
  if (s !== s.toUpperCase()) return s
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'’.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}
