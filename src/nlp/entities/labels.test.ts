import { describe, expect, test } from 'vitest'
import { allowedTransition, bilouToIob, iobToBilou, LABELS } from './labels.js'

const names = (labels: number[]) => labels.map((l) => LABELS[l])

describe('IOB2 ↔ BILOU', () => {
  test.each([
    [['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'L-PER', 'O', 'U-LOC'], null],
    [['B-ORG', 'I-ORG', 'I-ORG'], ['B-ORG', 'I-ORG', 'L-ORG'], null],
    [['B-LOC', 'B-LOC'], ['U-LOC', 'U-LOC'], null],
    // IOB1 and stray I- tags open a mention, as conlleval reads them; back out as IOB2
    [
      ['I-MISC', 'I-MISC', 'O', 'I-PER'],
      ['B-MISC', 'L-MISC', 'O', 'U-PER'],
      ['B-MISC', 'I-MISC', 'O', 'B-PER'],
    ],
    [
      ['B-PER', 'I-ORG'],
      ['U-PER', 'U-ORG'],
      ['B-PER', 'B-ORG'],
    ],
  ])('%j → %j', (iob, bilou, back) => {
    const labels = iobToBilou(iob)
    expect(names(labels)).toEqual(bilou)
    expect(bilouToIob(labels)).toEqual(back ?? iob)
  })
})

describe('BILOU transitions', () => {
  const id = (name: string) => (name === '^' || name === '$' ? -1 : LABELS.indexOf(name))
  test.each([
    ['^', 'B-PER', true],
    ['^', 'I-PER', false],
    ['B-PER', 'I-PER', true],
    ['B-PER', 'L-PER', true],
    ['B-PER', 'L-ORG', false],
    ['B-PER', 'O', false],
    ['I-LOC', '$', false],
    ['L-LOC', '$', true],
    ['U-LOC', 'B-ORG', true],
    ['O', 'L-MISC', false],
  ])('%s → %s: %s', (from, to, ok) => {
    expect(allowedTransition(id(from), id(to))).toBe(ok)
  })
})
