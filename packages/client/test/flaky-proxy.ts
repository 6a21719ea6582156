// A real HTTP peer in front of the API that misbehaves as a test asks (429, 503, dropped
// connections) before forwarding, and records what the client sent. The API has no such route
// (rate limits come later), and a proxy is what clients meet in production anyway.
import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Answer = 'forward' | 'drop' | { status: 429 | 503; retryAfter?: string }

export interface SeenRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** `plan(n)` says what to do with the n-th request (from 0). */
export async function startFlakyProxy(target: string, plan: (n: number) => Answer) {
  const seen: SeenRequest[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const answer = plan(seen.length)
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString() })
    if (answer === 'drop') return req.socket.destroy()
    if (answer !== 'forward') {
      const title = answer.status === 429 ? 'Too Many Requests' : 'Service Unavailable'
      res.writeHead(answer.status, {
        'content-type': 'application/problem+json',
        ...(answer.retryAfter === undefined ? {} : { 'retry-after': answer.retryAfter }),
      })
      const problem = {
        type: 'about:blank',
        title,
        status: answer.status,
        detail: 'Try again later.',
        instance: req.url,
      }
      return res.end(JSON.stringify(problem))
    }
    const upstream = forward(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers)
      reply.pipe(res)
    })
    upstream.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
