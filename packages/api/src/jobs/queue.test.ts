import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../test/database.js'
import { openDatabase, type RelaisDatabase } from '../db/database.js'
import type { JobDefinition } from './context.js'
import { listFailedJobs } from './dead-letters.js'
import { installJobQueue } from './install.js'
import { enqueue } from './queue.js'
import { eventually, startTestWorker, type TestWorker } from './test-worker.js'

let database: TestDatabase
beforeAll(async () => {
  database = await openTestDatabase()
  await installJobQueue(database.db, {
    'test-count': { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 },
    'test-failing': { retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  })
})
afterAll(() => database.close())

const db = () => database.db

async function jobRows(name: string) {
  const { rows } = await sql<{
    id: string
    state: string
  }>`select id, state from pgboss.job where name = ${name}`.execute(db())
  return rows
}

describe('enqueue', () => {
  it('adds no job when the transaction rolls back, and one when it commits', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await enqueue(trx, 'test-count', { n: 'rolled back' })
          throw new Error('the write failed')
        }),
    ).rejects.toThrow('the write failed')
    expect(await jobRows('test-count')).toHaveLength(0)

    const id = await db()
      .transaction()
      .execute((trx) => enqueue(trx, 'test-count', { n: 'kept' }))
    const rows = await jobRows('test-count')
    expect(rows).toEqual([{ id, state: 'created' }])
    await sql`delete from pgboss.job where name = 'test-count'`.execute(db())
  })
})

describe('workers', () => {
  it('run each committed job once, even with two workers taking from the queue', async () => {
    const seen: string[] = []
    const counting: JobDefinition<{ n: number }> = {
      name: 'test-count',
      concurrency: 2,
      async run(payload) {
        seen.push(String(payload.n))
        await new Promise((resolve) => setTimeout(resolve, 5))
      },
    }
    // On PostgreSQL, the second worker has its own connections, as another process would.
    const second: RelaisDatabase =
      database.kind === 'postgres' && database.url ? await openDatabase({ url: database.url, poolSize: 3 }) : database
    const workers: TestWorker[] = [
      await startTestWorker(database, { definitions: [counting as JobDefinition] }),
      await startTestWorker(second, { definitions: [counting as JobDefinition] }),
    ]
    try {
      await db()
        .transaction()
        .execute(async (trx) => {
          for (let n = 0; n < 30; n++) await enqueue(trx, 'test-count', { n })
        })
      await eventually(async () => (seen.length >= 30 ? true : undefined))
      // Time for a second run of any job, if there were to be one.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(seen.toSorted((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 30 }, (_, n) => String(n)))
      const states = await jobRows('test-count')
      expect(states.every((row) => row.state === 'completed')).toBe(true)
    } finally {
      for (const worker of workers) await worker.stop()
      if (second !== database) await second.close()
    }
  })

  it('retries a failing job with growing delays, then keeps it among the failed jobs', async () => {
    const attempts: { at: number; attempt: number; attempts: number }[] = []
    const failing: JobDefinition = {
      name: 'test-failing',
      async run(_payload, _context, job) {
        attempts.push({ at: Date.now(), attempt: job.attempt, attempts: job.attempts })
        throw new Error(`the SMTP server said no (${job.attempt})`)
      },
    }
    const worker = await startTestWorker(database, { definitions: [failing] })
    try {
      const id = await db()
        .transaction()
        .execute((trx) => enqueue(trx, 'test-failing', { member_id: 'mem_x' }))
      const failed = await eventually(async () => (await listFailedJobs(db())).find((job) => job.id === id), 25_000)
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3])
      expect(attempts.every((a) => a.attempts === 3)).toBe(true)
      // Backoff with jitter: 1–2 s before the second attempt, 2–4 s before the third.
      const [first, second, third] = attempts.map((a) => a.at) as [number, number, number]
      expect(second - first).toBeGreaterThanOrEqual(900)
      expect(third - second).toBeGreaterThanOrEqual(1900)
      expect(failed).toMatchObject({ name: 'test-failing', attempts: 3, data: { member_id: 'mem_x' } })
      expect(failed.error).toContain('the SMTP server said no (3)')
      expect(worker.lines.some((line) => line.includes('giving up'))).toBe(true)
    } finally {
      await worker.stop()
    }
  }, 40_000)
})
