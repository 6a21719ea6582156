import { sql } from 'kysely'
import PgBoss from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../test/database.js'
import { jobSchema, throughKysely } from './connection.js'
import { handBack } from './hand-back.js'
import { installJobQueue } from './install.js'
import { enqueue } from './queue.js'

const name = 'test-hand-back'
let database: TestDatabase
let boss: PgBoss
beforeAll(async () => {
  database = await openTestDatabase()
  // No retry delay: a failed job may be fetched again at once.
  await installJobQueue(database.db, {
    [name]: { retryLimit: 3, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 },
  })
  // pg-boss's own statements, as a worker sends them (none needs pg-boss started).
  boss = new PgBoss({ db: throughKysely(database.db), schema: jobSchema })
})
afterAll(() => database.close())

const fetchOne = async () => {
  const [job] = await boss.fetch(name, { batchSize: 1, includeMetadata: true })
  if (!job) throw new Error('no job to fetch')
  return job
}

async function row(id: string) {
  const { rows } = await sql<{ state: string; retry_count: number; started_on: Date | null }>`
    select state, retry_count, started_on from pgboss.job where id = ${id}`.execute(database.db)
  return rows[0]
}

describe('handBack', () => {
  it('puts a job never started back as it was: fetched again, it is still its first attempt', async () => {
    const id = await database.db.transaction().execute((trx) => enqueue(trx, name, { n: 1 }))
    if (!id) throw new Error('no job')
    const before = await row(id)
    await fetchOne()
    expect(await handBack(database.db, throughKysely(database.db), name, [id])).toBe(1)
    expect(await row(id)).toEqual(before)
    expect(await fetchOne()).toMatchObject({ id, retryCount: 0 })
    await boss.complete(name, id)
  })

  it('puts a job waiting for a retry back as it was: fetched again, it is the same attempt', async () => {
    const id = await database.db.transaction().execute((trx) => enqueue(trx, name, { n: 2 }))
    if (!id) throw new Error('no job')
    await fetchOne()
    await boss.fail(name, id, new Error('the first attempt failed'))
    const second = await fetchOne()
    expect(second).toMatchObject({ id, retryCount: 1 })
    expect(await handBack(database.db, throughKysely(database.db), name, [id])).toBe(1)
    expect(await row(id)).toMatchObject({ state: 'retry', retry_count: 0 })
    expect(await fetchOne()).toMatchObject({ id, retryCount: 1 })
    await boss.complete(name, id)
  })

  it('leaves alone a job no longer active', async () => {
    const id = await database.db.transaction().execute((trx) => enqueue(trx, name, { n: 3 }))
    if (!id) throw new Error('no job')
    await fetchOne()
    await boss.complete(name, id)
    expect(await handBack(database.db, throughKysely(database.db), name, [id])).toBe(0)
    expect(await row(id)).toMatchObject({ state: 'completed' })
  })
})
