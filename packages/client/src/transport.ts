import { backoffMs, type RetryOptions, retryAfterMs, retryPolicy, sleep } from './retry.js'

export type Fetch = (request: Request) => Promise<Response>

/** Options of one call, beside openapi-fetch's own (`params`, `body`, `headers`, `signal`…). */
export interface CallOptions {
  /** `false` to send this request once, whatever the answer; or retry settings replacing the client's for it. */
  retry?: false | RetryOptions
  /**
   * The `Idempotency-Key` of a POST. By default a random UUID, the same for every retry of the
   * call, so that the server performs it once. `false` sends none (and a POST is then not
   * retried after a network error, which could have hidden a success).
   */
  idempotencyKey?: string | false
}

// A 429 or 503 means the server did not perform the request, so any method may be sent again. A
// network error leaves that unknown: only requests that are safe to repeat are.
const retriedStatuses = new Set([429, 503])
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** A `fetch` that adds the idempotency key and retries as `CallOptions` say. */
export function transport(fetch: Fetch, retry: RetryOptions | false | undefined, idempotencyKey?: string | false) {
  const policy = retryPolicy(retry)
  return async function send(request: Request): Promise<Response> {
    if (request.method === 'POST' && idempotencyKey !== false) {
      if (idempotencyKey || !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', idempotencyKey || crypto.randomUUID())
      }
    }
    const replayable = idempotentMethods.has(request.method) || request.headers.has('idempotency-key')
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= policy.retries
      let response: Response
      try {
        // A request's body can be read once: each attempt but the last sends a copy.
        response = await fetch(last ? request : request.clone())
      } catch (error) {
        if (last || !replayable || request.signal.aborted) throw error
        await sleep(backoffMs(attempt, policy), request.signal)
        continue
      }
      if (last || !retriedStatuses.has(response.status)) return response
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt, policy)
      if (wait > policy.maxDelayMs) return response
      await response.body?.cancel()
      await sleep(wait, request.signal)
    }
  }
}
