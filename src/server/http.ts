/**
 * @module server/http: runs an app on Node's HTTP server, and stops it gracefully — new
 * connections refused at once, requests in flight finished (up to a deadline), idle keep-alive
 * connections closed — so a restart never cuts a response in half.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { AppEnv } from './context.js'

export interface RunningServer {
  /** `http://127.0.0.1:8080` */
  url: string
  port: number
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>
}

export interface StartOptions {
  /** 0 picks a free port. @default 8080 */
  port?: number
  /** @default '127.0.0.1' (loopback only; pass '0.0.0.0' to serve the network) */
  hostname?: string
}

/** How long a shutdown waits for requests in flight before closing their connections. */
export const DEFAULT_GRACE_MS = 10_000

/** Listens with the app; resolves once the port is open. */
export function startServer(app: Hono<AppEnv>, options: StartOptions = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 8080, hostname },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        const shown = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: (graceMs = DEFAULT_GRACE_MS) =>
            new Promise<void>((done) => {
              const s = server as import('node:http').Server
              const timer = setTimeout(() => s.closeAllConnections(), graceMs)
              timer.unref()
              s.close(() => {
                clearTimeout(timer)
                done()
              })
              s.closeIdleConnections()
            }),
        })
      },
    )
    server.once('error', reject)
  })
}
