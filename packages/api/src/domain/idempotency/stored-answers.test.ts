import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../../test/database.js'
import { findStoredAnswer, type IdempotencyScope, storeAnswer } from './stored-answers.js'

let database: TestDatabase
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

const scope = (idempotencyKey: string): IdempotencyScope => ({
  organizationId: inject('template').demo.organizationId,
  keyId: 'key_a',
  idempotencyKey,
})
const answer = (body: string) => ({ fingerprint: body, status: 202, headers: {}, body })

async function store(key: string, body: string) {
  await database.db.transaction().execute((trx) => storeAnswer(trx, scope(key), answer(body)))
}

async function expire(key: string) {
  await database.db
    .updateTable('idempotency_keys')
    .set({ expires_at: sql<Date>`now() - interval '1 second'` })
    .where('idempotency_key', '=', key)
    .execute()
}

const kept = async () =>
  (await database.db.selectFrom('idempotency_keys').select('idempotency_key').orderBy('idempotency_key').execute()).map(
    (row) => row.idempotency_key,
  )

describe('stored answers', () => {
  it("sweeps other keys' expired answers as it stores one, and replaces its own expired answer", async () => {
    await store('ancienne', 'premier')
    await store('recente', 'deuxieme')
    await expire('ancienne')
    await store('nouvelle', 'troisieme')
    expect(await kept()).toEqual(['nouvelle', 'recente'])

    await expire('recente')
    await store('recente', 'quatrieme')
    expect(await kept()).toEqual(['nouvelle', 'recente'])
    expect((await findStoredAnswer(database.db, scope('recente')))?.body).toBe('quatrieme')
  })
})
