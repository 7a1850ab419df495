/**
 * @module server: the web application — the reader, the JSON API under /api/v1, Atom feeds —
 * built by createApp(deps) with no globals, and run by startServer. The CLI's `serve` command
 * is its composition root.
 */
export type { CreateAppOptions } from './app.js'
export { createApp, MAX_BODY_BYTES } from './app.js'
export type { AppDeps, AppEnv } from './context.js'
export {
  DEMO_ATTRIBUTION,
  DEMO_NOTICE,
  type DemoMarker,
  demoMarker,
  loadDemo,
  readDemoBundle,
  startDemoSite,
} from './demo/index.js'
export type { ApiErrorCode, HttpError } from './errors.js'
export { ApiError, STATUS_OF, toHttpError } from './errors.js'
export { DEFAULT_GRACE_MS, type RunningServer, type StartOptions, startServer } from './http.js'
export {
  createIngestService,
  type IngestJob,
  type IngestService,
  type IngestServiceOptions,
  ingestUrls,
} from './ingest/service.js'
