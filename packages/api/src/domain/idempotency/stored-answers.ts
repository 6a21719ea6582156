import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/types.js'

/** Whose request it is: retries are recognized per organization, key and `Idempotency-Key`. */
export interface IdempotencyScope {
  organizationId: string
  keyId: string
  idempotencyKey: string
}

/** The first answer to a request, as retries get it again. */
export interface StoredAnswer {
  fingerprint: string
  status: number
  headers: Record<string, string>
  body: string
}

/** How long an answer is replayed, as with Stripe. */
export const keptHours = 24

const sweepBatch = 200

const lockName = (scope: IdempotencyScope) =>
  `idempotency\n${scope.organizationId}\n${scope.keyId}\n${scope.idempotencyKey}`

/**
 * Takes the key's lock for the rest of `trx`, or answers false at once when another transaction
 * holds it (a duplicate in flight). The lock is a transaction-scoped advisory lock: a crash or a
 * rollback releases it, so no reservation outlives its request.
 */
export async function lockIdempotencyKey(trx: Transaction<Database>, scope: IdempotencyScope): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${lockName(scope)}, 0)) as locked`.execute(trx)
  return rows[0]?.locked === true
}

/** The answer kept for this key, unless expired. */
export async function findStoredAnswer(
  db: Kysely<Database>,
  scope: IdempotencyScope,
): Promise<StoredAnswer | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'headers', 'body'])
    .where('organization_id', '=', scope.organizationId)
    .where('key_id', '=', scope.keyId)
    .where('idempotency_key', '=', scope.idempotencyKey)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

/**
 * Keeps the answer, in the transaction of the write it reports (an expired one is replaced). The
 * same statement sweeps a bounded batch of other keys' expired answers, so that the table holds
 * about a day of writes without a job or a round trip of its own.
 */
export async function storeAnswer(trx: Transaction<Database>, scope: IdempotencyScope, answer: StoredAnswer) {
  const values = {
    fingerprint: answer.fingerprint,
    status: answer.status,
    headers: JSON.stringify(answer.headers),
    body: answer.body,
    created_at: sql<Date>`now()`,
    expires_at: sql<Date>`now() + make_interval(hours => ${keptHours})`,
  }
  const key = [scope.organizationId, scope.keyId, scope.idempotencyKey] as const
  await trx
    .with('swept', (db) =>
      db.deleteFrom('idempotency_keys').where(({ eb, refTuple, selectFrom, tuple }) =>
        eb(
          refTuple('organization_id', 'key_id', 'idempotency_key'),
          'in',
          selectFrom('idempotency_keys')
            .select(['organization_id', 'key_id', 'idempotency_key'])
            .where('expires_at', '<', sql<Date>`now()`)
            // This key's own expired answer is the one the upsert replaces: one statement may not change a row twice.
            .where(refTuple('organization_id', 'key_id', 'idempotency_key'), '!=', tuple(...key))
            .limit(sweepBatch)
            .forUpdate()
            .skipLocked()
            .$asTuple('organization_id', 'key_id', 'idempotency_key'),
        ),
      ),
    )
    .insertInto('idempotency_keys')
    .values({
      organization_id: scope.organizationId,
      key_id: scope.keyId,
      idempotency_key: scope.idempotencyKey,
      ...values,
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'key_id', 'idempotency_key']).doUpdateSet(values))
    .execute()
}
