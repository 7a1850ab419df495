/**
 * The shipped model file (models/ner-conll2003.bin): a container of a JSON header and
 * typed-array sections — the lexicon (gazetteer, word classes, capitalisation) and the weights of
 * both tagger stages. Weights are stored as 16-bit integers with one scale per stage.
 */
import { gunzipSync } from 'node:zlib'
import { LABEL_COUNT } from './labels.js'
import type { LexiconData } from './lexicon.js'

const MAGIC = 'LEDENER1'

/** One stage's weights, as trained. */
export interface StageWeights {
  keys: Uint32Array
  weights: Float32Array
  transitions: Float32Array
}

/**
 * Everything a tagger needs. The stages' weights share one key list: row r holds `stages × 17`
 * weights (stage 1's, then stage 2's), so that a feature is looked up once for both stages.
 */
export interface ModelData {
  lexicon: LexiconData
  stages: number
  keys: Uint32Array
  weights: Float32Array
  /** One transition table per stage. */
  transitions: Float32Array[]
  /** Stage 2's self-trained type lexicon (lowercased-word hash → code), when it has one. */
  types?: { keys: Uint32Array; codes: Uint8Array }
  /** How the model was made (data, epochs, seed, scores on held-out data). */
  info: Record<string, unknown>
}

/** Lays trained stages out as ModelData rows. */
export function combineStages(
  lexicon: LexiconData,
  trained: readonly StageWeights[],
  info: Record<string, unknown>,
  types?: { keys: Uint32Array; codes: Uint8Array },
): ModelData {
  const rows = new Map<number, number>()
  for (const stage of trained) for (const k of stage.keys) if (!rows.has(k)) rows.set(k, rows.size)
  const width = trained.length * LABEL_COUNT
  const weights = new Float32Array(rows.size * width)
  trained.forEach((stage, si) => {
    stage.keys.forEach((k, r) => {
      const row = rows.get(k)!
      const from = stage.weights.subarray(r * LABEL_COUNT, (r + 1) * LABEL_COUNT)
      weights.set(from, row * width + si * LABEL_COUNT)
    })
  })
  return {
    lexicon,
    stages: trained.length,
    keys: Uint32Array.from(rows.keys()),
    weights,
    transitions: trained.map((t) => t.transitions),
    ...(types ? { types } : {}),
    info,
  }
}

type ArrayKind = 'u32' | 'i16' | 'u8' | 'f32'
interface Section {
  name: string
  kind: ArrayKind
  length: number
  scale?: number
}

const BYTES: Record<ArrayKind, number> = { u32: 4, i16: 2, u8: 1, f32: 4 }

/** Quantises weights to int16 with a scale that maps the largest weight to 32767. */
function quantise(weights: Float32Array): { data: Int16Array; scale: number } {
  let max = 0
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!))
  const scale = max > 0 ? max / 32767 : 1
  return { data: Int16Array.from(weights, (w) => Math.round(w / scale)), scale }
}

/**
 * Serialises a model to the container. Not compressed: gunzip would cost more than half of the
 * 500 ms load budget on a busy machine (measured: ~120 ms CPU for this file), for a 10 MB file.
 */
export function encodeModel(model: ModelData): Buffer {
  const sections: Section[] = []
  const blobs: Uint8Array[] = []
  const put = (
    name: string,
    kind: ArrayKind,
    array: ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number },
    scale?: number,
  ) => {
    sections.push({ name, kind, length: array.length, ...(scale === undefined ? {} : { scale }) })
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4)
    padded.set(bytes)
    blobs.push(padded)
  }
  const lx = model.lexicon
  put('gazetteerKeys', 'u32', lx.gazetteerKeys)
  put('gazetteerMasks', 'u32', lx.gazetteerMasks)
  put('classKeys', 'u32', lx.classKeys)
  put('classIds', 'u32', lx.classIds)
  put('caseKeys', 'u32', lx.caseKeys)
  put('caseBuckets', 'u8', lx.caseBuckets)
  put('keys', 'u32', model.keys)
  const q = quantise(model.weights)
  put('weights', 'i16', q.data, q.scale)
  model.transitions.forEach((t, i) => {
    put(`transitions${i + 1}`, 'f32', t)
  })
  if (model.types) {
    put('typeKeys', 'u32', model.types.keys)
    put('typeCodes', 'u8', model.types.codes)
  }
  const header = Buffer.from(
    JSON.stringify({
      labels: LABEL_COUNT,
      stages: model.stages,
      gazetteerLists: lx.gazetteerLists,
      gazetteerMaxLength: lx.gazetteerMaxLength,
      sections,
      info: model.info,
    }),
  )
  const head = Buffer.alloc(16)
  head.write(MAGIC, 0, 'latin1')
  head.writeUInt32LE(header.length, 8)
  const headerPadded = Buffer.alloc(Math.ceil(header.length / 4) * 4)
  header.copy(headerPadded)
  return Buffer.concat([head, headerPadded, ...blobs])
}

/** Reads the container back (gzipped or not). Throws on a file that is not a model. */
export function decodeModel(bytes: Uint8Array): ModelData {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const buf = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw
  if (buf.length < 16) throw new Error('not a Lede NER model file')
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a Lede NER model file')
  const headerLength = buf.readUInt32LE(8)
  const header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as {
    labels: number
    stages: number
    gazetteerLists: string[]
    gazetteerMaxLength: number
    sections: Section[]
    info: Record<string, unknown>
  }
  if (header.labels !== LABEL_COUNT) throw new Error('model label set does not match this code')
  // Typed arrays need aligned offsets: view the bytes in place when they are, copy otherwise.
  let body = new Uint8Array(buf.buffer, buf.byteOffset + 16, buf.length - 16)
  if (body.byteOffset % 4 !== 0) body = Uint8Array.from(body)
  let offset = Math.ceil(headerLength / 4) * 4
  const arrays = new Map<
    string,
    { array: Uint32Array | Int16Array | Uint8Array | Float32Array; scale?: number }
  >()
  for (const s of header.sections) {
    const bytes = s.length * BYTES[s.kind]
    const view =
      s.kind === 'u32'
        ? new Uint32Array(body.buffer, body.byteOffset + offset, s.length)
        : s.kind === 'i16'
          ? new Int16Array(body.buffer, body.byteOffset + offset, s.length)
          : s.kind === 'f32'
            ? new Float32Array(body.buffer, body.byteOffset + offset, s.length)
            : new Uint8Array(body.buffer, body.byteOffset + offset, s.length)
    arrays.set(s.name, { array: view, ...(s.scale === undefined ? {} : { scale: s.scale }) })
    offset += Math.ceil(bytes / 4) * 4
  }
  const get = <T>(name: string): T => {
    const a = arrays.get(name)
    if (!a) throw new Error(`model file lacks section ${name}`)
    return a.array as T
  }
  const w = arrays.get('weights')
  if (!w) throw new Error('model file lacks weights')
  const q = w.array as Int16Array
  const scale = w.scale ?? 1
  const weights = new Float32Array(q.length)
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * scale
  const transitions: Float32Array[] = []
  for (let i = 1; i <= header.stages; i++) transitions.push(get<Float32Array>(`transitions${i}`))
  return {
    lexicon: {
      gazetteerLists: header.gazetteerLists,
      gazetteerMaxLength: header.gazetteerMaxLength,
      gazetteerKeys: get<Uint32Array>('gazetteerKeys'),
      gazetteerMasks: get<Uint32Array>('gazetteerMasks'),
      classKeys: get<Uint32Array>('classKeys'),
      classIds: get<Uint32Array>('classIds'),
      caseKeys: get<Uint32Array>('caseKeys'),
      caseBuckets: get<Uint8Array>('caseBuckets'),
    },
    stages: header.stages,
    keys: get<Uint32Array>('keys'),
    weights,
    transitions,
    ...(arrays.has('typeKeys')
      ? { types: { keys: get<Uint32Array>('typeKeys'), codes: get<Uint8Array>('typeCodes') } }
      : {}),
    info: header.info,
  }
}
