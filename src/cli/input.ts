/** Reads a command's input: a file path, `-` for stdin, or an http(s) URL. */
import { readFile } from 'node:fs/promises'
import { LedeError } from '../core/index.js'

export interface LoadedInput {
  bytes: Uint8Array
  url?: string
  contentType?: string
}

/** The largest input a one-page command reads (a 50 MB page is still read; more is refused). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

export async function loadInput(arg: string): Promise<LoadedInput> {
  if (arg === '-') return { bytes: await readStdin() }
  if (/^https?:\/\//i.test(arg)) return fetchPlain(arg)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    throw new LedeError('invalid_input', `only http(s) URLs can be fetched: ${arg}`)
  }
  try {
    const bytes = await readFile(arg)
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new LedeError('too_large', `${arg} is larger than ${MAX_INPUT_BYTES} bytes`)
    }
    return { bytes }
  } catch (e) {
    if (e instanceof LedeError) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code
    throw new LedeError('invalid_input', `cannot read ${arg}: ${why}`, {}, { cause: e })
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer
    size += b.length
    if (size > MAX_INPUT_BYTES) throw new LedeError('too_large', 'stdin is too large')
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

async function fetchPlain(url: string): Promise<LoadedInput> {
  const { fetchPage } = await import('../ingest/index.js')
  return fetchPage(url)
}
