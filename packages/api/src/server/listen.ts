import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { UsageError } from './environment.js'

/** `env` is what @hono/node-server passes: the Node request and response, with the socket. */
export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>

export interface Listening {
  server: Server
  port: number
  /** Stops accepting, lets requests in flight finish, then cuts what is left (streams) after `graceMs`. */
  close(graceMs?: number): Promise<void>
}

/** Listens on host:port, turning the usual refusals into one sentence that names PORT. */
export function listen(port: number, host: string, fetch: FetchHandler): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }) as Server
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new UsageError(
            `Port ${port} on ${host} is already in use. Stop what runs there or set PORT to another port.`,
          ),
        )
      } else if (error.code === 'EACCES') {
        reject(new UsageError(`Port ${port} needs privileges on this system. Set PORT to a port above 1024.`))
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new UsageError(`Cannot listen on HOST=${host}: no such address on this machine.`))
      } else {
        reject(error)
      }
    })
    server.once('listening', () => {
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: (graceMs = 3000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs)
            server.close(() => {
              clearTimeout(force)
              done()
            })
            server.closeIdleConnections()
          }),
      })
    })
  })
}
