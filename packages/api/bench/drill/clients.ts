import { randomUUID } from 'node:crypto'
import { signupBody } from '../scenarios/signups.js'

export interface DrillClientsOptions {
  /** The API processes; a client moves to the next one when a request fails. */
  urls: string[]
  publishableKey: string
  textId: string
  postcode: string
  clients: number
  run: string
  /** A sign-up not acknowledged after this long is given up (counted, not lost). */
  giveUpMs: number
}

export interface DrillLoad {
  /** Addresses whose sign-up was acknowledged (202), once each. */
  acknowledged: Set<string>
  givenUp: Set<string>
  replayed: number
  retries: number
  /** Time of each acknowledgement (performance.now()), to see when service came back. */
  acknowledgedAt: number[]
  stop(): Promise<void>
}

/**
 * Clients that sign people up one after another, each with its own Idempotency-Key, and retry the
 * same request (same key, same body) on any failure or 5xx until acknowledged: a client that
 * follows the API's advice. What the server acknowledged must then exist, once.
 */
export function startDrillLoad(options: DrillClientsOptions): DrillLoad {
  const acknowledged = new Set<string>()
  const givenUp = new Set<string>()
  const acknowledgedAt: number[] = []
  let stopping = false
  let sequence = 0
  const state = { replayed: 0, retries: 0 }
  const client = async (index: number) => {
    let target = index % options.urls.length
    while (!stopping) {
      const email = `${options.run}-${sequence++}@drill.example.org`
      const key = randomUUID()
      const body = signupBody(email, options.textId, options.postcode)
      const started = performance.now()
      for (let attempt = 0; ; attempt++) {
        if (performance.now() - started > options.giveUpMs) {
          givenUp.add(email)
          break
        }
        if (attempt > 0) state.retries++
        try {
          const response = await fetch(`${options.urls[target]}/v1/signups`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${options.publishableKey}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body,
            signal: AbortSignal.timeout(5000),
          })
          await response.arrayBuffer()
          if (response.status === 202) {
            if (response.headers.get('idempotent-replayed') === 'true') state.replayed++
            acknowledged.add(email)
            acknowledgedAt.push(performance.now())
            break
          }
          if (response.status < 500 && response.status !== 409 && response.status !== 429) {
            throw new Error(`sign-up refused with ${response.status}`)
          }
        } catch (error) {
          if ((error as Error).message.startsWith('sign-up refused')) throw error
          target = (target + 1) % options.urls.length
        }
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.min(attempt, 10) * 50))
      }
    }
  }
  const running = Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)))
  return {
    acknowledged,
    givenUp,
    acknowledgedAt,
    get replayed() {
      return state.replayed
    },
    get retries() {
      return state.retries
    },
    async stop() {
      stopping = true
      await running
    },
  }
}
