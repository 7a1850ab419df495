/**
 * @module ingest/files: local input → RawDocument events. Files and folders (HTML pages, text
 * dumps, JSON lines of `{url?, html? | text?, title?, publishedAt?, …}`), and `-` for stdin.
 */
export type { JsonRecord } from './json-record.js'
export { JsonRecordSchema, recordToDocument } from './json-record.js'
export type { FileKind, ReadFilesOptions } from './read-files.js'
export { DEFAULT_MAX_FILE_BYTES, fileKind, readFiles } from './read-files.js'
export type { ReadProgress, SourceEvent, SourceFailure, SourceRef } from './types.js'
