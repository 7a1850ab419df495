/**
 * Trains the entity tagger and writes models/ner-conll2003.bin.
 *
 *   npm run train:ner -- --data ../shared/data/ner-conll2003 [--unlabeled ../shared/data/demo]
 *                        [--epochs 1 2] [--folds 5] [--seed 1] [--holdout] [--out FILE]
 *
 * Trains on train.txt only (valid.txt is for measurement). Steps: word classes and capitalisation
 * statistics from unlabeled text (the CoNLL training text and the Wikinews demo articles); stage 1
 * (local + document-context features); stage-1 labels for the training documents by k-fold
 * jackknifing, so that stage 2 learns from labels as noisy as it will see; stage 2. With --holdout,
 * every 10th training document is held out and scored after each epoch instead (for choosing the
 * epoch counts); nothing is written unless --out is given. Deterministic for a given seed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { parseCli } from '../bench/lib/cli.js'
import { type ConllDocument, EntityScorer, parseConll } from '../src/nlp/entities/conll.js'
import {
  type DocumentFeatures,
  extractFeatures,
  extractStage2Features,
  type FlatDocument,
  flatten,
  mergeFeatures,
} from '../src/nlp/entities/features.js'
import { bilouToIob, iobToBilou, labelType } from '../src/nlp/entities/labels.js'
import {
  buildGazetteer,
  buildTypeLexicon,
  Lexicon,
  type LexiconData,
  type TypeLexicon,
} from '../src/nlp/entities/lexicon.js'
import { LinearModel } from '../src/nlp/entities/linear-model.js'
import { combineStages, encodeModel, type StageWeights } from '../src/nlp/entities/model-file.js'
import { MODEL_FILE } from '../src/nlp/entities/tagger.js'
import {
  type TrainedWeights,
  type TrainingDocument,
  trainPerceptron,
} from '../src/nlp/entities/train/perceptron.js'
import {
  caseStatistics,
  exchangeClusters,
  packWordClasses,
  roughSentences,
  roughTokens,
} from '../src/nlp/entities/train/word-classes.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseCli(
  {
    options: {
      data: { type: 'string' },
      unlabeled: { type: 'string' },
      out: { type: 'string' },
      // Epochs for stage 1 and stage 2: chosen with --holdout on the training data (see models/README.md).
      epochs: { type: 'string', multiple: true, default: ['8', '8'] },
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      holdout: { type: 'boolean', default: false },
      'one-stage': { type: 'boolean', default: false },
      // Only cross-validate stage 1 (k-fold jackknife over the training documents) and stop.
      cv: { type: 'boolean', default: false },
      // Leave out stage 2's self-trained type lexicon.
      'no-types': { type: 'boolean', default: false },
    },
  },
  import.meta.url,
)
if (!values.data) {
  process.stderr.write('usage: npm run train:ner -- --data DIR [--unlabeled DIR] [--holdout]\n')
  process.exit(2)
}
const dataDir = resolve(values.data)
const unlabeledDir = resolve(values.unlabeled ?? join(dataDir, '..', 'demo'))
const epochs1 = Number(values.epochs[0])
const epochs2 = Number(values.epochs[1] ?? values.epochs[0])
const folds = Number(values.folds)
const seed = Number(values.seed)
const log = (msg: string) =>
  process.stderr.write(`[${(performance.now() / 1000).toFixed(1)}s] ${msg}\n`)

// Word-class granularities (fine, middle, coarse) stand in for the prefixes of Ratinov & Roth's
// Brown-cluster paths; 1000 is the number of Brown clusters they used, and the exchange algorithm
// does it in about a minute here. Against 600/150/40 it made no measurable difference on
// cross-validation (stage-1 5-fold F1 90.86 vs 90.84), so R&R's number was kept.
const CLASS_SIZES = [1000, 250, 50] as const
const MIN_COUNT = 3 // words seen fewer times have unreliable contexts and get no class

// ---------------------------------------------------------------- data
const train = parseConll(readFileSync(join(dataDir, 'train.txt'), 'utf8'))
log(`train: ${train.length} documents`)
const held = values.holdout ? train.filter((_, i) => i % 10 === 9) : []
const fit = values.holdout ? train.filter((_, i) => i % 10 !== 9) : train

// ---------------------------------------------------------------- lexicon
/** Wikinews articles as sentences of tokens (for the self-trained type lexicon). */
const wikinews: string[][][] = []

function unlabeledCorpus(): string[][] {
  const corpus: string[][] = []
  for (const doc of train) for (const s of doc) corpus.push(s.tokens)
  for (const file of ['wikinews-en-2004-2018.jsonl.gz', 'wikinews-en-2019-2020.jsonl.gz']) {
    const path = join(unlabeledDir, file)
    if (!existsSync(path)) {
      log(`unlabeled text missing: ${path}`)
      continue
    }
    for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
      if (!line.trim()) continue
      const article = JSON.parse(line) as { title?: string; text?: string }
      const sentences: string[][] = []
      for (const para of `${article.title ?? ''}\n\n${article.text ?? ''}`.split(/\n\s*\n/)) {
        for (const s of roughSentences(roughTokens(para))) {
          corpus.push(s)
          sentences.push(s)
        }
      }
      wikinews.push(sentences)
    }
  }
  return corpus
}

function buildLexicon(): LexiconData {
  const gazetteer = buildGazetteer(
    gunzipSync(readFileSync(join(root, 'models', 'gazetteers.tsv.gz'))).toString('utf8'),
  )
  log(
    `gazetteer: ${gazetteer.gazetteerKeys.length} entries in ${gazetteer.gazetteerLists.length} lists`,
  )
  const cacheDir = join(root, '.tmp')
  const cache = join(cacheDir, `ner-word-classes-${CLASS_SIZES.join('-')}-${MIN_COUNT}.json`)
  const corpus = unlabeledCorpus()
  log(`unlabeled: ${corpus.length} sentences, ${corpus.reduce((a, s) => a + s.length, 0)} tokens`)
  let classes: Record<string, [number, number, number]>
  if (existsSync(cache)) {
    classes = JSON.parse(readFileSync(cache, 'utf8'))
    log(`word classes from cache ${cache}`)
  } else {
    const maps = CLASS_SIZES.map((size) =>
      exchangeClusters(corpus, {
        classes: size,
        minCount: MIN_COUNT,
        iterations: 10,
        onIteration: (it, moved) => log(`word classes ${size}: iteration ${it}, ${moved} moved`),
      }),
    )
    classes = {}
    for (const [w, c] of maps[0]!) classes[w] = [c, maps[1]!.get(w)!, maps[2]!.get(w)!]
    mkdirSync(cacheDir, { recursive: true })
    writeFileSync(cache, JSON.stringify(classes))
  }
  const entries = Object.entries(classes)
  const packed = packWordClasses(
    new Map(entries.map(([w, c]) => [w, c[0]])),
    new Map(entries.map(([w, c]) => [w, c[1]])),
    new Map(entries.map(([w, c]) => [w, c[2]])),
  )
  return { ...gazetteer, ...packed, ...caseStatistics(corpus) }
}

const lexiconData = buildLexicon()
const lexicon = new Lexicon(lexiconData)
log(
  `lexicon: ${lexiconData.classKeys.length} words with classes, ${lexiconData.caseKeys.length} with case statistics`,
)

// ---------------------------------------------------------------- stages
interface Doc {
  flat: FlatDocument
  gold: Uint8Array
  goldTags: string[][]
}
const toDoc = (d: ConllDocument): Doc => ({
  flat: flatten(d.map((s) => s.tokens)),
  gold: Uint8Array.from(d.flatMap((s) => iobToBilou(s.tags))),
  goldTags: d.map((s) => s.tags),
})
const fitDocs = fit.map(toDoc)
const heldDocs = held.map(toDoc)

/** Stage-1 features, or with stage-1 labels the merged stage-2 features. */
function features(d: Doc, stage1?: Uint8Array, types?: TypeLexicon): DocumentFeatures {
  const base = extractFeatures(d.flat, lexicon)
  return stage1 ? mergeFeatures(base, extractStage2Features(d.flat, base, stage1, types)) : base
}

/** Stage-1 labels and the type lexicon each document's stage-2 features are built from. */
interface Stage1View {
  labels: readonly Uint8Array[]
  types?: readonly (TypeLexicon | undefined)[]
}

function stageDocs(docs: readonly Doc[], view?: Stage1View): TrainingDocument[] {
  return docs.map((d, i) => ({
    features: features(d, view?.labels[i], view?.types?.[i]),
    sentenceStarts: d.flat.sentenceStarts,
    gold: d.gold,
  }))
}

const toModel = (w: TrainedWeights) => new LinearModel(w.keys, w.weights, w.transitions)

function score(docs: readonly Doc[], labels: readonly Uint8Array[]): string {
  const scorer = new EntityScorer()
  docs.forEach((d, i) => {
    d.goldTags.forEach((tags, s) => {
      const a = d.flat.sentenceStarts[s]!
      scorer.add(tags, bilouToIob(labels[i]!.subarray(a, a + tags.length)))
    })
  })
  const per = ['PER', 'ORG', 'LOC', 'MISC'].map(
    (t) => `${t} ${(100 * scorer.scores([t]).f1).toFixed(2)}`,
  )
  return `F1 ${(100 * scorer.scores().f1).toFixed(2)} (${per.join(', ')})`
}

function train1(
  docs: readonly Doc[],
  epochs: number,
  heldOut?: readonly Doc[],
  heldView?: Stage1View,
  fitView?: Stage1View,
): TrainedWeights {
  const heldFeatures = heldOut?.map((d, i) =>
    features(d, heldView?.labels[i], heldView?.types?.[i]),
  )
  return trainPerceptron(stageDocs(docs, fitView), {
    epochs,
    seed,
    onEpoch: (epoch, mistakes, sentences, snapshot) => {
      let line = `  epoch ${epoch}: ${mistakes}/${sentences} sentences wrong`
      if (heldOut && heldFeatures) {
        const model = toModel(snapshot())
        const labels = heldOut.map((d, i) =>
          model.decode([heldFeatures[i]!], d.flat.sentenceStarts),
        )
        line += `; held-out ${score(heldOut, labels)}`
      }
      log(line)
    },
  })
}

/**
 * Self-training: tags the Wikinews articles with a stage-1 model and keeps, per capitalised word,
 * the type it was given most often (see TypeLexicon).
 */
function typeLexiconFrom(model: LinearModel): TypeLexicon {
  const docs = wikinews.map((article) => {
    const flat = flatten(article)
    const labels = model.decode([extractFeatures(flat, lexicon)], flat.sentenceStarts)
    return { tokens: flat.tokens, types: Array.from(labels, labelType) }
  })
  const types = buildTypeLexicon(docs)
  log(`type lexicon: ${types.keys.length} words from ${docs.length} articles`)
  return types
}

/**
 * Stage-1 labels for each document from models that never saw it (k-fold jackknife), and with
 * `withTypes` the type lexicon each fold's model makes, so that no training document's stage-2
 * features come from a model that was trained on it.
 */
function jackknife(docs: readonly Doc[], withTypes: boolean): Required<Stage1View> {
  const labels: Uint8Array[] = new Array(docs.length)
  const types: (TypeLexicon | undefined)[] = new Array(docs.length)
  for (let k = 0; k < folds; k++) {
    log(`jackknife fold ${k + 1}/${folds}`)
    const trainPart = docs.filter((_, i) => i % folds !== k)
    const model = toModel(train1(trainPart, epochs1))
    const foldTypes = withTypes ? typeLexiconFrom(model) : undefined
    docs.forEach((d, i) => {
      if (i % folds !== k) return
      labels[i] = model.decode([features(d)], d.flat.sentenceStarts)
      types[i] = foldTypes
    })
  }
  return { labels, types }
}

if (values.cv) {
  const cv = jackknife(fitDocs, false)
  log(`cross-validated stage 1 (${folds} folds): ${score(fitDocs, cv.labels)}`)
  process.exit(0)
}

log(`stage 1: ${epochs1} epochs on ${fitDocs.length} documents`)
const stage1 = train1(fitDocs, epochs1, values.holdout ? heldDocs : undefined)
log(`stage 1: ${stage1.keys.length} features kept`)
let stage2: StageWeights | undefined
const info: Record<string, unknown> = {
  trainedOn: 'CoNLL-2003 English train.txt',
  unlabeled: 'CoNLL-2003 train text; Wikinews demo articles (CC BY 2.5)',
  selfTrainedTypes: !values['no-types'],
  wordClasses: CLASS_SIZES,
  epochs: [epochs1, epochs2],
  folds,
  seed,
}
let finalTypes: TypeLexicon | undefined
if (!values['one-stage']) {
  const useTypes = !values['no-types']
  const s1Fit = jackknife(fitDocs, useTypes)
  log(`jackknifed stage-1 labels on train: ${score(fitDocs, s1Fit.labels)}`)
  const s1Model = toModel(stage1)
  finalTypes = useTypes ? typeLexiconFrom(s1Model) : undefined
  const s1Held = heldDocs.map((d) => s1Model.decode([features(d)], d.flat.sentenceStarts))
  const heldView = { labels: s1Held, types: heldDocs.map(() => finalTypes) }
  if (values.holdout) {
    log(`stage 1 on held-out: ${score(heldDocs, s1Held)}`)
    if (useTypes) {
      log(`stage 2 without the type lexicon, for comparison: ${epochs2} epochs`)
      train1(fitDocs, epochs2, heldDocs, { labels: s1Held }, { labels: s1Fit.labels })
    }
  }
  log(`stage 2: ${epochs2} epochs${useTypes ? ', with the self-trained type lexicon' : ''}`)
  stage2 = train1(fitDocs, epochs2, values.holdout ? heldDocs : undefined, heldView, s1Fit)
  log(`stage 2: ${stage2.keys.length} features kept`)
}

const out = values.out
  ? resolve(values.out)
  : values.holdout
    ? undefined
    : join(root, 'models', MODEL_FILE)
if (out) {
  const trained = stage2 ? [stage1, stage2] : [stage1]
  const types = finalTypes ? { keys: finalTypes.keys, codes: finalTypes.codes } : undefined
  const bytes = encodeModel(combineStages(lexiconData, trained, info, types))
  writeFileSync(out, bytes)
  log(`wrote ${out} (${(bytes.length / 1e6).toFixed(1)} MB)`)
}
