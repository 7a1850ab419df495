import { describe, expect, test } from 'vitest'
import { type Ensemble, margin, predict, predictRows, type Tree } from './gbdt.js'

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

  // A full random tree of a given depth over `cols` features, from a fixed-seed generator.
  function randomTree(depth: number, cols: number, rnd: () => number): Tree {
    const t: Tree = { f: [], t: [], l: [], r: [], v: [] }
    const grow = (level: number): number => {
      const k = t.f.length
      t.f.push(-1)
      t.t.push(0)
      t.l.push(-1)
      t.r.push(-1)
      t.v.push(rnd() - 0.5)
      // Some branches stop early, so packing pads leaves above full depth.
      if (level < depth && (level < 2 || rnd() < 0.8)) {
        t.f[k] = Math.floor(rnd() * cols)
        t.t[k] = rnd()
        t.l[k] = grow(level + 1)
        t.r[k] = grow(level + 1)
      }
      return k
    }
    grow(0)
    return t
  }

  test.each([6, 3])('predictRows equals predict row by row, bit for bit (depth %d)', (depth) => {
    let seed = 42
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    const cols = 5
    const ens: Ensemble = {
      base: 0.1,
      trees: Array.from({ length: 9 }, () => randomTree(depth, cols, rnd)),
    }
    // 7 rows: one block of four and three left over.
    const x = Float32Array.from({ length: 7 * cols }, () => rnd())
    const got = predictRows(ens, x, cols, new Float64Array(7))
    for (let row = 0; row < 7; row++)
      expect(got[row]).toBe(predict(ens, x.subarray(row * cols, (row + 1) * cols)))
  })
})
