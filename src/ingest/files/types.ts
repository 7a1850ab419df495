/** @module ingest/files/types: what the files source yields — the same events as the network sources. */
export type { SourceEvent, SourceRef } from '../sources/read-sources.js'
export type { IngestFailure as SourceFailure } from '../types.js'

/** How much of the input has been read, for progress bars and time-left estimates. */
export interface ReadProgress {
  bytesRead: number
  /** Known when every input is a file; undefined for stdin. */
  bytesTotal?: number
  filesDone: number
  filesTotal: number
}
