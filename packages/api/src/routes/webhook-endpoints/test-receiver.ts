import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

/** One POST the receiver got, with what it answered and whether its signature verified. */
export interface Received {
  id: string
  type: string
  data: Record<string, unknown>
  signatures: string[]
  answered: number
  validWith: (secret: string) => boolean
}

/**
 * For tests: a real HTTP server on 127.0.0.1 standing for a CRM. `answer` decides each status
 * code; `stop` and `restart` take it off the network and back on the same port.
 */
export class TestReceiver {
  readonly received: Received[] = []
  answer: (id: string) => number = () => 204
  private server: Server | undefined
  private port = 0

  static async start(): Promise<TestReceiver> {
    const receiver = new TestReceiver()
    await receiver.restart()
    return receiver
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/relais`
  }

  async restart(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        const headers = {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        }
        const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> }
        const answered = this.answer(headers['webhook-id'])
        this.received.push({
          id: headers['webhook-id'],
          type: parsed.type,
          data: parsed.data,
          signatures: headers['webhook-signature'].split(' '),
          answered,
          validWith(secret) {
            try {
              new Webhook(secret).verify(body, headers)
              return true
            } catch {
              return false
            }
          },
        })
        res.writeHead(answered).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve))
    this.port = (server.address() as AddressInfo).port
    this.server = server
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** What was received with a 2xx answer, by message id. */
  deliveredCounts(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const item of this.received) {
      if (item.answered >= 200 && item.answered < 300) counts.set(item.id, (counts.get(item.id) ?? 0) + 1)
    }
    return counts
  }
}
