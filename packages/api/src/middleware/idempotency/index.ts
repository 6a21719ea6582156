import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { sha256Hex } from '../../domain/hashing.js'
import {
  findStoredAnswer,
  type IdempotencyScope,
  lockIdempotencyKey,
  type StoredAnswer,
  storeAnswer,
} from '../../domain/idempotency/stored-answers.js'
import { problem } from '../problem-details/index.js'
import { joinedTransaction } from './joined-transaction.js'

export interface IdempotencyOptions {
  /** Seconds a duplicate sent while the first is still running is told to wait (`Retry-After`). */
  retryAfterSeconds?: number
}

/** Visible ASCII, 1 to 255 characters: what Stripe accepts, and safe to echo in a message. */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/

// The headers that are part of an answer; the rate-limit, CORS and `Vary` ones belong to each request.
const replayedHeaders = ['content-type', 'cache-control', 'location', 'etag', 'link']

/**
 * `Idempotency-Key` with Stripe's semantics, for writes a client may need to retry: the same key
 * and request replay the first answer, marked `Idempotent-Replayed: true`; the same key with
 * another request is refused (422); a duplicate arriving while the first still runs gets 409 with
 * `Retry-After`. Answers are kept 24 hours per organization, key and idempotency key.
 *
 * Atomic with the write: the whole request runs in one transaction that first takes an advisory
 * lock on the key (try-lock: a duplicate in flight fails at once), the handler's queries and its
 * own transactions (as savepoints) run in it, and the answer is stored in it. An acknowledged
 * write therefore always has its stored answer, and a failed or crashed request leaves nothing:
 * the lock dies with its transaction, so a retry is never blocked.
 *
 * Only successes (2xx) are stored. Every refusal of Relais changes nothing (validation, 404, a full
 * initiative), so running it again is harmless, and a client may fix its body and retry under the
 * same key. Runs after `requireKey` (the scope needs `c.get('caller')`).
 *
 * @example
 * createRoute({ ..., middleware: [requireKey(), idempotency()] })
 */
export function idempotency({ retryAfterSeconds = 1 }: IdempotencyOptions = {}): MiddlewareHandler {
  return async function idempotencyMiddleware(c, next) {
    const idempotencyKey = c.req.header('idempotency-key')
    if (idempotencyKey === undefined || c.req.method !== 'POST') return next()
    if (!idempotencyKeyPattern.test(idempotencyKey)) {
      return problem(c, 400, {
        detail: 'An Idempotency-Key has 1 to 255 visible ASCII characters, such as a UUID.',
        errors: [{ path: 'header.idempotency-key', message: 'Use 1 to 255 visible ASCII characters.' }],
      })
    }
    const { organizationId, keyId } = c.get('caller')
    const scope: IdempotencyScope = { organizationId, keyId, idempotencyKey }
    const url = new URL(c.req.url)
    const fingerprint = sha256Hex(`${c.req.method}\n${url.pathname}${url.search}\n${await c.req.text()}`)
    const db = c.get('db')
    const trx = await db.startTransaction().execute()
    try {
      if (!(await lockIdempotencyKey(trx, scope))) {
        await trx.rollback().execute()
        return problem(c, 409, {
          detail: 'A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.',
          headers: { 'retry-after': String(retryAfterSeconds) },
        })
      }
      const stored = await findStoredAnswer(trx, scope)
      if (stored) {
        await trx.rollback().execute()
        if (stored.fingerprint === fingerprint) return replay(c, stored)
        return problem(c, 422, {
          detail: 'This Idempotency-Key was used with another request. Use a new key for a new request.',
        })
      }
      c.set('db', joinedTransaction(trx))
      try {
        await next()
      } finally {
        c.set('db', db)
      }
      if (c.error || c.res.status < 200 || c.res.status > 299) {
        await trx.rollback().execute()
        return
      }
      await storeAnswer(trx, scope, { fingerprint, ...(await answerOf(c.res)) })
      await trx.commit().execute()
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined)
      throw error
    }
  }
}

async function answerOf(res: Response): Promise<Omit<StoredAnswer, 'fingerprint'>> {
  const headers = Object.fromEntries(
    replayedHeaders.flatMap((name) => {
      const value = res.headers.get(name)
      return value === null ? [] : [[name, value]]
    }),
  )
  return { status: res.status, headers, body: await res.clone().text() }
}

function replay(c: Context, stored: StoredAnswer): Response {
  // A browser reads the header only if exposed; requireKey exposes the others when the origin is allowed.
  if (c.res.headers.has('access-control-expose-headers')) {
    c.header('access-control-expose-headers', 'Idempotent-Replayed', { append: true })
  }
  return c.body(stored.body, stored.status as ContentfulStatusCode, {
    ...stored.headers,
    'idempotent-replayed': 'true',
  })
}
