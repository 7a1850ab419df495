/**
 * 32-bit hashing for the tagger's features: FNV-1a over UTF-16 code units for strings, and a
 * murmur3-style mix to combine a feature template with its values without building strings.
 */

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Combines two 32-bit values into one well-mixed unsigned 32-bit hash. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * An open-addressing set/map from non-zero 32-bit keys to row numbers, built once from typed arrays.
 * Lookups cost a multiply and usually one probe; there is no per-entry object.
 */
export class KeyTable {
  private readonly keys: Uint32Array
  private readonly rows: Int32Array
  private readonly mask: number

  constructor(keys: Uint32Array) {
    let size = 1
    while (size < keys.length * 2) size <<= 1
    this.mask = size - 1
    this.keys = new Uint32Array(size)
    this.rows = new Int32Array(size).fill(-1)
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]!
      let slot = Math.imul(k, 0x9e3779b1) >>> 0
      for (;;) {
        slot &= this.mask
        if (this.rows[slot] === -1) {
          this.keys[slot] = k
          this.rows[slot] = r
          break
        }
        if (this.keys[slot] === k) break
        slot++
      }
    }
  }

  /** The row of `key`, or -1. */
  get(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0
    for (;;) {
      slot &= this.mask
      const r = this.rows[slot]!
      if (r === -1) return -1
      if (this.keys[slot] === key) return r
      slot++
    }
  }
}

/**
 * Sparse weight rows behind an open-addressing table, laid out for few cache misses: a slot holds
 * the key and the offset of its row, and a row is its length followed by (label, weight) pairs in
 * one buffer, so a lookup touches about two cache lines.
 */
export class WeightTable {
  private readonly slots: Uint32Array
  private readonly mask: number
  /** Row data: u32[offset] = n, then n × (u32 label, f32 weight). */
  readonly u32: Uint32Array
  readonly f32: Float32Array

  /** `weights` is rows × width, dense; zero weights are dropped. */
  constructor(keys: Uint32Array, weights: Float32Array, width: number) {
    let nonZero = 0
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) nonZero++
    const buffer = new ArrayBuffer((keys.length + 2 * nonZero + 1) * 4)
    this.u32 = new Uint32Array(buffer)
    this.f32 = new Float32Array(buffer)
    let size = 1
    while (size < keys.length * 2) size <<= 1
    this.mask = size - 1
    this.slots = new Uint32Array(size * 2)
    let offset = 1 // 0 marks an empty slot
    for (let r = 0; r < keys.length; r++) {
      const start = offset++
      let n = 0
      for (let y = 0; y < width; y++) {
        const w = weights[r * width + y]!
        if (w === 0) continue
        this.u32[offset] = y
        this.f32[offset + 1] = w
        offset += 2
        n++
      }
      this.u32[start] = n
      const k = keys[r]!
      let slot = Math.imul(k, 0x9e3779b1) >>> 0
      for (;;) {
        slot &= this.mask
        if (this.slots[2 * slot + 1] === 0) {
          this.slots[2 * slot] = k
          this.slots[2 * slot + 1] = start
          break
        }
        if (this.slots[2 * slot] === k) break
        slot++
      }
    }
  }

  /** The offset of `key`'s row in u32/f32, or 0 when the key has no row. */
  find(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0
    for (;;) {
      slot &= this.mask
      const offset = this.slots[2 * slot + 1]!
      if (offset === 0 || this.slots[2 * slot] === key) return offset
      slot++
    }
  }
}
