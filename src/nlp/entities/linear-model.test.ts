import { describe, expect, test } from 'vitest'
import { allowedTransition, LABEL_COUNT, LABELS } from './labels.js'
import { constrainTransitions, TRANSITION_SIZE, viterbi } from './linear-model.js'

const L = LABEL_COUNT
const id = (name: string) => LABELS.indexOf(name)

/** Emissions that favour one label per token by `margin`. */
function favour(names: string[], margin = 5): Float64Array {
  const em = new Float64Array(names.length * L)
  names.forEach((n, i) => {
    em[i * L + id(n)] = margin
  })
  return em
}

describe('viterbi', () => {
  const free = constrainTransitions(new Float32Array(TRANSITION_SIZE))

  test('follows the emissions when they form a valid sequence', () => {
    const want = ['B-PER', 'L-PER', 'O', 'U-LOC']
    const out = new Uint8Array(4)
    viterbi(favour(want), 4, free, out)
    expect([...out].map((l) => LABELS[l])).toEqual(want)
  })

  test.each([
    [['B-PER', 'O']],
    [['I-ORG', 'L-ORG']],
    [['B-PER', 'L-ORG', 'I-LOC']],
    [['O', 'L-MISC', 'B-MISC']],
  ])('never returns a sequence BILOU forbids: %j', (favoured) => {
    const n = favoured.length
    const out = new Uint8Array(n)
    viterbi(favour(favoured), n, free, out)
    const seq = [-1, ...out, -1]
    for (let i = 0; i + 1 < seq.length; i++)
      expect(allowedTransition(seq[i]!, seq[i + 1]!)).toBe(true)
  })

  test('transition scores can outweigh emissions', () => {
    const t = new Float32Array(TRANSITION_SIZE)
    t[id('U-PER') * (L + 1) + id('U-PER')] = -20 // two persons in a row: very unlikely
    const out = new Uint8Array(2)
    viterbi(favour(['U-PER', 'U-PER'], 3), 2, constrainTransitions(t), out)
    expect([...out].map((l) => LABELS[l])).not.toEqual(['U-PER', 'U-PER'])
  })

  test('a one-token sentence ends where it may', () => {
    const out = new Uint8Array(1)
    viterbi(favour(['B-ORG']), 1, free, out)
    expect(LABELS[out[0]!]).not.toBe('B-ORG')
  })
})
