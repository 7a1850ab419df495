/**
 * @module ingest/poll/watch: `--watch` as a stream. Holds the states of the feeds it follows,
 * sleeps until the next one is due, polls every due feed (several at once), and yields the same
 * events as `readSources`: documents, errors, and after each feed its report with the new state.
 */
import { setTimeout as sleepTimer } from 'node:timers/promises'
import {
  pollResultEvents,
  type ReadSourcesOptions,
  type SourceEvent,
} from '../sources/read-sources.js'
import { mergeBounded } from '../sources/merge.js'
import { type FeedState, nextPollAt, pollFeed } from './poll-feed.js'

export interface WatchOptions extends ReadSourcesOptions {
  /** Stops the watch: the generator returns after the poll in progress. */
  signal?: AbortSignal
  /** Waits `ms` or until the signal aborts. Injected in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * Follows feeds until `signal` aborts. Persist each `feed` event's `state`: the watcher keeps the
 * same state itself, so a restart from the stored states resumes where it stopped.
 *
 * @example
 * const controller = new AbortController()
 * process.once('SIGINT', () => controller.abort())
 * for await (const event of watchFeeds(await store.feedStates(), { client, signal: controller.signal })) {
 *   handle(event) // the same handler as for readSources
 * }
 */
export async function* watchFeeds(
  states: Iterable<FeedState>,
  options: WatchOptions,
): AsyncGenerator<SourceEvent> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const feeds = new Map<string, FeedState>()
  for (const s of states) feeds.set(s.url, s)
  const signal = options.signal
  while (feeds.size > 0 && signal?.aborted !== true) {
    const t = now()
    const due = [...feeds.values()].filter((s) => nextPollAt(s, t).getTime() <= t)
    if (due.length === 0) {
      const next = Math.min(...[...feeds.values()].map((s) => nextPollAt(s, t).getTime()))
      options.debug?.(`watch: next poll in ${Math.round((next - t) / 1000)} s`)
      await sleep(next - t, signal)
      continue
    }
    const pollOptions = {
      ...options.poll,
      client: options.client,
      now,
      ...(options.debug && { debug: options.debug }),
    }
    const runs = due.map(
      (state) =>
        async function* (): AsyncGenerator<SourceEvent> {
          const result = await pollFeed(state, pollOptions)
          for await (const event of pollResultEvents(result, options)) {
            if (event.type === 'feed') feeds.set(state.url, event.feed.state)
            yield event
          }
        },
    )
    yield* mergeBounded(runs, options.feedConcurrency ?? 4)
  }
}

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleepTimer(ms, undefined, signal ? { signal } : {})
  } catch (e) {
    if (signal?.aborted !== true) throw e
  }
}
