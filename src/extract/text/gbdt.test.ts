import { describe, expect, test } from 'vitest'
import { type Ensemble, margin, predict } from './gbdt.js'

// One stump on feature 1 (x[1] <= 0.5 → −1, else +2) plus a constant leaf of 0.5.
const model: Ensemble = {
  base: 0.25,
  trees: [
    { f: [1, -1, -1], t: [0.5, 0, 0], l: [1, -1, -1], r: [2, -1, -1], v: [0, -1, 2] },
    { f: [-1], t: [0], l: [-1], r: [-1], v: [0.5] },
  ],
}

describe('gbdt', () => {
  test.each([
    [[9, 0], -0.25],
    [[9, 0.5], -0.25],
    [[0, 1], 2.75],
  ])('margin(%j) = %d', (x, m) => {
    expect(margin(model, x)).toBeCloseTo(m)
  })

  test('predict is the logistic of the margin', () => {
    expect(predict(model, [0, 1])).toBeCloseTo(1 / (1 + Math.exp(-2.75)))
  })
})
