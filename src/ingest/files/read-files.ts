/**
 * @module ingest/files/read-files: files, folders and stdin → documents. An HTML page or a text
 * dump is one document; a JSON-lines file (`.jsonl`, `.ndjson`, optionally `.gz`) or a `.json`
 * array is one document per record. Folders are walked in name order, hidden entries skipped.
 * Large JSON-lines files and stdin are streamed. Never throws for bad input: an unreadable file,
 * a bad line or an oversize page is an error event, and reading goes on.
 */
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { Readable, Transform } from 'node:stream'
import { createGunzip, gunzipSync } from 'node:zlib'
import type { ErrorCode, RawDocument } from '../../core/index.js'
import { recordToDocument } from './json-record.js'
import type { ReadProgress, SourceEvent } from './types.js'

/** What a path holds, by its name. */
export type FileKind = 'html' | 'text' | 'jsonl' | 'json' | 'feed' | 'opml' | 'warc' | 'unknown'

export interface ReadFilesOptions {
  /** Forces how every input is read; `auto` (the default) goes by file name, then content. */
  format?: 'auto' | 'html' | 'text' | 'jsonl'
  /** The largest single page or `.json` file read whole. @default 64 MiB */
  maxBytes?: number
  /** The stream read for `-`. @default process.stdin */
  stdin?: Readable
  /**
   * Reads the kinds this module does not (feeds, OPML, WARC). Without it, such a file is an
   * `unsupported_content` error event.
   */
  delegate?: (path: string, kind: FileKind) => AsyncIterable<SourceEvent> | undefined
  /** Called as input is consumed (at most a few times a second is up to the caller). */
  onProgress?: (progress: ReadProgress) => void
  /** The clock, for tests. */
  now?: () => Date
}

/**
 * A page of 64 MiB is already absurd; the cap keeps one bad file from taking the memory of a run.
 * Network pages are capped at 10 MiB by the fetcher.
 */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024

/** Classifies a path by its extension (a `.gz` suffix is looked through). */
export function fileKind(path: string): FileKind {
  const name = path.toLowerCase().replace(/\.gz$/, '')
  if (/\.(html?|xhtml|shtml|php|aspx?)$/.test(name)) return 'html'
  if (/\.(txt|text)$/.test(name)) return 'text'
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl'
  if (/\.json$/.test(name)) return 'json'
  if (/\.(rss|atom|xml|rdf)$/.test(name)) return 'feed'
  if (/\.opml$/.test(name)) return 'opml'
  if (/\.(warc|arc)$/.test(name)) return 'warc'
  return 'unknown'
}

interface Input {
  path: string
  size: number
}

/** Reads every input in order, yielding documents and error events. */
export async function* readFiles(
  inputs: readonly string[],
  options: ReadFilesOptions = {},
): AsyncGenerator<SourceEvent> {
  const now = options.now ?? (() => new Date())
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
  const files: (Input | { error: SourceEvent })[] = []
  let hasStdin = false
  for (const input of inputs) {
    if (input === '-') {
      hasStdin = true
      files.push({ path: '-', size: 0 })
      continue
    }
    for await (const f of walk(input, true)) files.push(f)
  }
  const progress: ReadProgress = {
    bytesRead: 0,
    ...(!hasStdin && {
      bytesTotal: files.reduce((n, f) => n + ('size' in f ? f.size : 0), 0),
    }),
    filesDone: 0,
    filesTotal: files.length,
  }
  const report = (bytes: number) => {
    progress.bytesRead += bytes
    options.onProgress?.({ ...progress })
  }
  for (const f of files) {
    if ('error' in f) {
      yield f.error
    } else if (f.path === '-') {
      yield* readStdin(options.stdin ?? process.stdin, options, maxBytes, now, report)
    } else {
      yield* readPath(f, options, maxBytes, now, report)
    }
    progress.filesDone++
    report(0)
  }
}

/** The files under a path: the path itself if it is a file; hidden entries skipped in folders. */
async function* walk(path: string, top: boolean): AsyncGenerator<Input | { error: SourceEvent }> {
  let s: Awaited<ReturnType<typeof stat>>
  try {
    s = await stat(path)
  } catch (e) {
    yield { error: failure('invalid_input', `cannot read ${path}: ${errno(e)}`, path) }
    return
  }
  if (s.isFile()) {
    // In a folder, only files Lede knows by name are read; named explicitly, any file is.
    if (top || fileKind(path) !== 'unknown') yield { path, size: s.size }
    return
  }
  if (!s.isDirectory()) return
  let names: string[]
  try {
    names = (await readdir(path)).sort()
  } catch (e) {
    yield { error: failure('invalid_input', `cannot read the folder ${path}: ${errno(e)}`, path) }
    return
  }
  for (const name of names) {
    if (name.startsWith('.')) continue
    yield* walk(join(path, name), false)
  }
}

async function* readPath(
  f: Input,
  options: ReadFilesOptions,
  maxBytes: number,
  now: () => Date,
  report: (bytes: number) => void,
): AsyncGenerator<SourceEvent> {
  let kind: FileKind =
    options.format === undefined || options.format === 'auto' ? fileKind(f.path) : options.format
  if (kind === 'feed' || kind === 'opml' || kind === 'warc') {
    const delegated = options.delegate?.(f.path, kind)
    if (delegated) {
      yield* delegated
      report(f.size)
      return
    }
    yield failure(
      'unsupported_content',
      `${f.path}: reading ${kind === 'warc' ? 'web archives' : kind === 'opml' ? 'OPML lists' : 'feeds'} from files is not supported yet`,
      f.path,
    )
    report(f.size)
    return
  }
  const gz = /\.gz$/i.test(f.path)
  if (kind === 'jsonl') {
    yield* readJsonLines(openStream(f.path, gz, report), f.path, 'file', now)
    return
  }
  if (f.size > maxBytes && !gz) {
    yield failure('too_large', `${f.path} is larger than ${maxBytes} bytes`, f.path)
    report(f.size)
    return
  }
  let bytes: Uint8Array
  try {
    const buf = await readFile(f.path)
    bytes = gz ? gunzipSync(buf, { maxOutputLength: maxBytes }) : buf
  } catch (e) {
    const code =
      (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'invalid_input'
    yield failure(code, `cannot read ${f.path}: ${errno(e)}`, f.path)
    report(f.size)
    return
  }
  report(f.size)
  if (kind === 'unknown') kind = sniff(bytes)
  if (kind === 'jsonl' || kind === 'json') {
    yield* readJsonWhole(bytes, f.path, now)
    return
  }
  yield {
    type: 'document',
    document: {
      body: bytes,
      ...(kind === 'html' || kind === 'text' ? { format: kind } : {}),
      source: { kind: 'file', location: f.path },
      fetchedAt: now().toISOString(),
    },
  }
}

/** A file whose name says nothing: JSON if it starts like JSON, otherwise extraction decides. */
function sniff(bytes: Uint8Array): FileKind {
  const head = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (head.startsWith('{')) return 'jsonl'
  if (head.startsWith('[')) return 'json'
  return 'unknown'
}

/** The file's bytes (gunzipped if `gz`), counting the bytes read from disk as they pass. */
function openStream(path: string, gz: boolean, report: (bytes: number) => void): Readable {
  const file = createReadStream(path)
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      report(chunk.length)
      done(null, chunk)
    },
  })
  file.on('error', (e) => counter.destroy(e))
  const counted = file.pipe(counter)
  if (!gz) return counted
  const gunzip = createGunzip()
  counter.on('error', (e) => gunzip.destroy(e))
  return counted.pipe(gunzip)
}

/** One document per line; blank lines skipped; a bad line is an error event with its line number. */
async function* readJsonLines(
  stream: Readable,
  location: string,
  kind: 'file' | 'stdin',
  now: () => Date,
): AsyncGenerator<SourceEvent> {
  let lineNo = 0
  const one = (line: string): SourceEvent | undefined => {
    lineNo++
    if (line.trim() === '') return undefined
    const where = `${location}#L${lineNo}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      return failure('invalid_input', `${where}: not JSON: ${(e as Error).message}`, where, kind)
    }
    const doc = recordToDocument(value, { location: where, kind, fetchedAt: now().toISOString() })
    return doc.ok
      ? { type: 'document', document: doc.value }
      : failure(doc.error.code, `${where}: ${doc.error.message}`, where, kind)
  }
  try {
    for await (const line of splitLines(stream)) {
      const ev = one(line)
      if (ev) yield ev
    }
  } catch (e) {
    yield failure(
      'invalid_input',
      `${location}: reading stopped at line ${lineNo}: ${errno(e)}`,
      location,
      kind,
    )
  } finally {
    stream.destroy()
  }
}

/**
 * The lines of a UTF-8 stream (without `\n` or `\r\n`). Faster than node:readline, which emits
 * an event per line: this matters at hundreds of thousands of lines.
 */
async function* splitLines(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk as Buffer)
    let start = 0
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      yield text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl)
      start = nl + 1
    }
    rest = text.slice(start)
  }
  rest += decoder.end()
  if (rest !== '') yield rest
}

/** A `.json` file: one record, or an array of records. */
function* readJsonWhole(
  bytes: Uint8Array,
  location: string,
  now: () => Date,
): Generator<SourceEvent> {
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // Not one JSON value: it may still be JSON lines without the extension.
    const lines = text.split(/\r?\n/)
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue
      const where = `${location}#L${i + 1}`
      let v: unknown
      try {
        v = JSON.parse(line)
      } catch (e) {
        yield failure('invalid_input', `${where}: not JSON: ${(e as Error).message}`, where)
        continue
      }
      yield toEvent(v, where, now)
    }
    return
  }
  const records = Array.isArray(value) ? value : [value]
  for (const [i, v] of records.entries())
    yield toEvent(v, Array.isArray(value) ? `${location}#${i}` : location, now)
}

function toEvent(value: unknown, where: string, now: () => Date): SourceEvent {
  const doc = recordToDocument(value, {
    location: where,
    kind: 'file',
    fetchedAt: now().toISOString(),
  })
  return doc.ok
    ? { type: 'document', document: doc.value }
    : failure(doc.error.code, `${where}: ${doc.error.message}`, where)
}

/**
 * stdin: JSON lines are streamed; anything else is read whole (up to the cap) as one page, whose
 * format extraction decides by content.
 */
async function* readStdin(
  stdin: Readable,
  options: ReadFilesOptions,
  maxBytes: number,
  now: () => Date,
  report: (bytes: number) => void,
): AsyncGenerator<SourceEvent> {
  const it = stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>
  const first = await it.next()
  if (first.done) return
  const firstChunk = typeof first.value === 'string' ? Buffer.from(first.value) : first.value
  report(firstChunk.length)
  const rest = async function* () {
    yield firstChunk
    for (let n = await it.next(); !n.done; n = await it.next()) {
      const chunk = typeof n.value === 'string' ? Buffer.from(n.value) : n.value
      report(chunk.length)
      yield chunk
    }
  }
  const forced = options.format ?? 'auto'
  const looksJson = firstChunk
    .toString('utf8', 0, 64)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
  if (forced === 'jsonl' || (forced === 'auto' && looksJson)) {
    yield* readJsonLines(Readable.from(rest()), '-', 'stdin', now)
    return
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of rest()) {
    size += chunk.length
    if (size > maxBytes) {
      yield failure('too_large', `stdin is larger than ${maxBytes} bytes`, '-', 'stdin')
      return
    }
    chunks.push(chunk)
  }
  const document: RawDocument = {
    body: Buffer.concat(chunks),
    ...(forced === 'html' || forced === 'text' ? { format: forced } : {}),
    source: { kind: 'stdin', location: '-' },
    fetchedAt: now().toISOString(),
  }
  yield { type: 'document', document }
}

function failure(
  code: ErrorCode,
  message: string,
  location: string,
  kind: 'file' | 'stdin' = 'file',
): SourceEvent {
  return { type: 'error', error: { code, message }, source: { kind, location } }
}

function errno(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES') return 'permission denied'
  return e instanceof Error ? e.message : String(e)
}
