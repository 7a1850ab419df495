/**
 * The tagger's label set: BILOU over the four CoNLL types (17 labels), the transitions BILOU allows,
 * and conversion to and from the IOB2 tags the outside world speaks.
 */

/** CoNLL entity types, in label order. */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const
export type ConllType = (typeof TYPES)[number]

/** Positions inside a mention: Begin, Inside, Last, Unit (one-token mention). */
const POSITIONS = ['B', 'I', 'L', 'U'] as const

/** Label 0 is O; label 1 + 4·type + position is the BILOU label. */
export const LABEL_COUNT = 1 + TYPES.length * POSITIONS.length

/** The label names, e.g. LABELS[1] = 'B-PER'. */
export const LABELS: readonly string[] = [
  'O',
  ...TYPES.flatMap((t) => POSITIONS.map((p) => `${p}-${t}`)),
]

/** The type index (0..3) of a label, or -1 for O. */
export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2
}

/** The position (0 B, 1 I, 2 L, 3 U) of a label, or -1 for O. */
export function labelPosition(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3
}

/** The label for a type index and a position. */
export function makeLabel(type: number, position: number): number {
  return 1 + type * 4 + position
}

/** Whether `to` may follow `from` in BILOU (-1 stands for the sentence start or end). */
export function allowedTransition(from: number, to: number): boolean {
  const fromOpen = from > 0 && labelPosition(from) <= 1 // B or I: a mention is open
  if (to === -1) return !fromOpen
  const toPos = labelPosition(to)
  const continues = toPos === 1 || toPos === 2 // I or L
  if (fromOpen) return continues && labelType(to) === labelType(from)
  return !continues
}

/** IOB2 tags ('B-PER', 'I-PER', 'O'; IOB1 and stray I- tolerated as conlleval does) → BILOU labels. */
export function iobToBilou(tags: readonly string[]): number[] {
  const out: number[] = []
  let prevType = -1
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!
    if (tag === 'O' || tag.length < 3) {
      out.push(0)
      prevType = -1
      continue
    }
    const type = TYPES.indexOf(tag.slice(2) as ConllType)
    if (type < 0) throw new Error(`unknown entity type in tag ${tag}`)
    const begins = tag[0] === 'B' || type !== prevType
    const next = tags[i + 1]
    const nextType = next && next !== 'O' ? TYPES.indexOf(next.slice(2) as ConllType) : -1
    const continues = next !== undefined && next[0] === 'I' && nextType === type
    out.push(makeLabel(type, begins ? (continues ? 0 : 3) : continues ? 1 : 2))
    prevType = type
  }
  return out
}

/** BILOU labels (a valid sequence) → IOB2 tags. */
export function bilouToIob(labels: ArrayLike<number>): string[] {
  const out: string[] = []
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!
    if (label === 0) out.push('O')
    else {
      const pos = labelPosition(label)
      out.push(`${pos === 0 || pos === 3 ? 'B' : 'I'}-${TYPES[labelType(label)]}`)
    }
  }
  return out
}
