import { createChallenge } from 'altcha-lib/v1'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'

/** How hard the challenge is and how soon after it a form may be sent. */
export interface ProofOfWorkSettings {
  /** The secret number is drawn below this: a browser tries half of them on average (SHA-256). */
  maxNumber: number
  /** Least time between the challenge (the form shown) and the form sent; people are slower than bots. */
  minFillMs: number
  /** How long a challenge may be solved and used. */
  ttlMs: number
}

export const defaultProofOfWork: ProofOfWorkSettings = { maxNumber: 100_000, minFillMs: 3_000, ttlMs: 30 * 60_000 }

export interface Challenge {
  algorithm: string
  challenge: string
  maxnumber: number
  salt: string
  signature: string
}

// One read per process: the key never changes once the migration made it.
const keys = new WeakMap<Kysely<Database>, Promise<string>>()

/** The key challenges are signed with, shared by every process through the database. */
export function signingKey(db: Kysely<Database>): Promise<string> {
  let key = keys.get(db)
  if (!key) {
    key = db
      .selectFrom('instance_secrets')
      .select('value')
      .where('name', '=', 'proof_of_work')
      .executeTakeFirstOrThrow()
      .then((row) => row.value)
    key.catch(() => keys.delete(db))
    keys.set(db, key)
  }
  return key
}

/**
 * An ALTCHA challenge (SHA-256): find the number whose hash with the salt is `challenge`. The salt
 * carries when it was issued and when it expires, under the signature, so a solution shows how
 * long the form was open.
 */
export async function issueChallenge(
  db: Kysely<Database>,
  settings: ProofOfWorkSettings,
  now = new Date(),
): Promise<Challenge> {
  const challenge = await createChallenge({
    hmacKey: await signingKey(db),
    maxnumber: settings.maxNumber,
    expires: new Date(now.getTime() + settings.ttlMs),
    params: { issued: String(now.getTime()) },
  })
  return { ...challenge, maxnumber: settings.maxNumber }
}
