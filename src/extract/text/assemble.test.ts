import { describe, expect, test } from 'vitest'
import { bylineNames } from './assemble.js'

describe('bylineNames', () => {
  test.each([
    ['By Maria Okafor', ['Maria Okafor']],
    ['By Ann Lee and Bo Chan', ['Ann Lee', 'Bo Chan']],
    ['By Ann Lee, Bo Chan and Cy Dee', ['Ann Lee', 'Bo Chan', 'Cy Dee']],
    ['Von Jana Keller', ['Jana Keller']],
    ['Por María López y Juan Pérez', ['María López', 'Juan Pérez']],
    ['by the river, a heron waited', []],
    ['Bylines are hard', []],
  ])('%j → %j', (line, names) => {
    expect(bylineNames(line)).toEqual(names)
  })
})
