/** @module ingest/files/types: what the files source yields. */
import type { RawDocument, SourceKind } from '../../core/index.js'

/** A failure to read one document (or a whole file), as data: the run goes on. */
export interface SourceFailure {
  /** snake_case: `invalid_input`, `too_large`, `unsupported_content`, … */
  code: string
  message: string
  url?: string
  /** Where the document was: a path, `path#L12` for a JSON line, `-` for stdin. */
  location?: string
  kind?: SourceKind
}

/**
 * What a source yields: a document, or a failure for one document or a whole input. The same
 * shape as the network sources' events, so the pipeline takes any of them.
 */
export type SourceEvent =
  | { type: 'document'; document: RawDocument }
  | { type: 'error'; error: SourceFailure }

/** How much of the input has been read, for progress bars and time-left estimates. */
export interface ReadProgress {
  bytesRead: number
  /** Known when every input is a file; undefined for stdin. */
  bytesTotal?: number
  filesDone: number
  filesTotal: number
}
