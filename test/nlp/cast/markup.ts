/**
 * Hand-tagged text for cast tests: "[Emmanuel Macron|P] met [dpa|O] in [Berlin|L]" → the plain
 * text and the entity mentions a tagger would give (P person, O organization, L place, M misc).
 */
import type { EntityType } from '../../../src/core/index.js'
import type { EntityMention } from '../../../src/nlp/types.js'

const TYPES: Record<string, EntityType> = { P: 'person', O: 'organization', L: 'place', M: 'misc' }

export function unmark(marked: string): { text: string; mentions: EntityMention[] } {
  let text = ''
  const mentions: EntityMention[] = []
  const re = /\[([^\]|]+)\|([POLM])\]/g
  let last = 0
  for (let m = re.exec(marked); m !== null; m = re.exec(marked)) {
    text += marked.slice(last, m.index)
    const start = text.length
    text += m[1]!
    mentions.push({ start, end: text.length, type: TYPES[m[2]!]!, text: m[1]!, confidence: 1 })
    last = m.index + m[0].length
  }
  text += marked.slice(last)
  return { text, mentions }
}
