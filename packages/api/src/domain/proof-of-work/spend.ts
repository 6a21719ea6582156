import { extractParams, verifySolution } from 'altcha-lib/v1'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { type ProofOfWorkSettings, signingKey } from './challenge.js'

const refused = (message: string) => new DomainError('invalid', message, [{ path: 'proof', message }])

/** What a client sends, once decoded (altcha-lib does not export its name). */
type Payload = Exclude<Parameters<typeof verifySolution>[0], string>

interface Solution {
  payload: Payload
  issued: number
  expires: number
}

/** The solution's payload, decoded once, and the times its salt carries under the signature. */
function read(proof: string): Solution | undefined {
  try {
    const payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')) as Payload
    const params = extractParams(payload)
    const issued = Number(params.issued)
    const expires = Number(params.expires) * 1000
    if (typeof payload.signature !== 'string' || !Number.isFinite(issued) || !Number.isFinite(expires)) return undefined
    return { payload, issued, expires }
  } catch {
    return undefined
  }
}

/**
 * Accepts a solved challenge once: valid, signed by this server, not expired, not sent sooner than
 * a person fills a form, and not used before (the spent signature is kept until it expires, in
 * the database, so every process refuses a replay). Throws a DomainError on `proof` otherwise.
 */
export async function spendProof(
  db: Kysely<Database>,
  proof: string | undefined,
  settings: ProofOfWorkSettings,
  now = new Date(),
): Promise<void> {
  if (!proof) {
    throw refused('This form needs a solved challenge: GET /v1/challenge, solve it and send it as `proof`.')
  }
  const solution = read(proof)
  if (!solution) throw refused('The proof is not a solved challenge of this server (base64 JSON payload expected).')
  if (solution.expires <= now.getTime()) throw refused('The challenge expired: fetch a new one and solve it again.')
  if (!(await verifySolution(solution.payload, await signingKey(db), false).catch(() => false))) {
    throw refused('The proof does not solve a challenge of this server.')
  }
  if (now.getTime() - solution.issued < settings.minFillMs) {
    throw refused('The form was sent too quickly after it was shown. Wait a few seconds and send it again.')
  }
  // Expired signatures can no longer be replayed: now and then, a request clears them.
  if (Math.random() < 0.01) await db.deleteFrom('spent_challenges').where('expires_at', '<', now).execute()
  const spent = await db
    .insertInto('spent_challenges')
    .values({ signature: solution.payload.signature, expires_at: new Date(solution.expires) })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst()
  if (!spent) throw refused('This challenge was already used: fetch a new one and solve it again.')
}
