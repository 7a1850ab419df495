/**
 * A throwaway HTTP server on 127.0.0.1 for fetch and feed tests: routes by path, records every
 * request, and closes its sockets on `close()` so slow-response cases never hang a test run.
 * Nothing here touches the network beyond the loopback interface.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export interface LocalServer {
  /** `http://127.0.0.1:PORT` */
  origin: string
  port: number
  /** Every request, in arrival order: path with query, and lower-cased headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[]
  /** Paths requested, in order. */
  paths(): string[]
  close(): Promise<void>
}

/** Starts a server; unknown paths (robots.txt included) answer 404. */
export async function startServer(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: LocalServer['requests'] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const path = req.url ?? '/'
    requests.push({ path, headers: req.headers })
    const route = routes[path] ?? routes[path.replace(/\?.*$/, '')]
    if (route === undefined) {
      res.statusCode = 404
      res.end('not found')
      return
    }
    Promise.resolve(route(req, res)).catch((e: unknown) => {
      res.destroy(e instanceof Error ? e : new Error(String(e)))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    paths: () => requests.map((r) => r.path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A route that answers with a body and headers. */
export function respond(
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  status = 200,
): Route {
  return (_req, res) => {
    res.writeHead(status, headers)
    res.end(body)
  }
}
