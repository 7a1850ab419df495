/** @module ingest/sources/merge: runs several async streams at once and interleaves their values. */

/**
 * Pulls from up to `concurrency` streams at a time, yielding values as they arrive; a stream that
 * ends makes room for the next. Each stream advances one value at a time (no read-ahead beyond
 * one pending value per stream).
 */
export async function* mergeBounded<T>(
  streams: Iterable<() => AsyncIterable<T>>,
  concurrency: number,
): AsyncGenerator<T> {
  const pending = streams[Symbol.iterator]()
  const iterators = new Map<number, AsyncIterator<T>>()
  const running = new Map<number, Promise<{ id: number; result: IteratorResult<T> }>>()
  let nextId = 0
  const pull = (id: number, it: AsyncIterator<T>): void => {
    running.set(
      id,
      it.next().then((result) => ({ id, result })),
    )
  }
  const fill = (): void => {
    while (running.size < Math.max(1, concurrency)) {
      const n = pending.next()
      if (n.done === true) return
      const id = nextId++
      const it = n.value()[Symbol.asyncIterator]()
      iterators.set(id, it)
      pull(id, it)
    }
  }
  fill()
  try {
    while (running.size > 0) {
      const { id, result } = await Promise.race(running.values())
      if (result.done === true) {
        running.delete(id)
        iterators.delete(id)
        fill()
        continue
      }
      pull(id, iterators.get(id)!)
      yield result.value
    }
  } finally {
    // The consumer stopped early: let the streams still open clean up.
    await Promise.allSettled([...running.values()])
    await Promise.allSettled([...iterators.values()].map((it) => it.return?.()))
  }
}
