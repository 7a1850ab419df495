import { describe, expect, test } from 'vitest'
import { classifyLines, type LineModel } from './classify.js'
import { CONTEXT_NAMES, FEATURE_NAMES } from './features.js'
import { scanDump } from './lines.js'

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m))

// Stage 1: a stump on feature 0 (log words): lines of up to 3 words get margin −5 (p ≈ 0.007,
// below the band), longer lines margin 0 (p = 0.5, inside it). Stage 2: a constant margin of 3.
const model: LineModel = {
  schema: 'lede.text-lines/2',
  features: [...FEATURE_NAMES],
  context: [...CONTEXT_NAMES],
  stage1: {
    base: 0,
    trees: [
      { f: [0, -1, -1], t: [Math.log1p(3), 0, 0], l: [1, -1, -1], r: [2, -1, -1], v: [0, -5, 0] },
    ],
  },
  stage2: { base: 3, trees: [] },
  threshold: 0.5,
  band: [0.02, 0.98],
}

describe('classifyLines', () => {
  test('only lines the first stage is unsure of go to the second', () => {
    const dump = scanDump('Home\nA line that is long enough to be unsure of.\nShare')
    const p = classifyLines(model, dump)
    expect(p[0]).toBeCloseTo(sigmoid(-5))
    expect(p[1]).toBeCloseTo(sigmoid(3))
    expect(p[2]).toBeCloseTo(sigmoid(-5))
  })
})
