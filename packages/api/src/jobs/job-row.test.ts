import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../test/database.js'
import { installJobQueue } from './install.js'
import { jobInsert } from './job-row.js'
import { enqueue } from './queue.js'
import type { QueueSettings } from './queues.js'

let database: TestDatabase
beforeAll(async () => {
  database = await openTestDatabase()
  // A queue with every setting pg-boss knows, and one with none (pg-boss's defaults then apply).
  const settled = { retryLimit: 5, retryDelay: 7, retryBackoff: true, expireInSeconds: 90, retentionMinutes: 30 }
  await installJobQueue(database.db, { 'test-settled': settled, 'test-plain': {} as QueueSettings })
})
afterAll(() => database.close())

interface JobRow {
  id: string
  name: string
  data: unknown
  state: string
  priority: number
  retry_limit: number
  retry_count: number
  retry_delay: number
  retry_backoff: boolean
  singleton_key: string | null
  singleton_on: Date | null
  expire_in: string
  dead_letter: string | null
  policy: string | null
  /** keep_until − start_after, and start_after − created_on: the times themselves differ between two rows. */
  kept_for: string
  delayed_by: string
}

async function jobRow(name: string, id: string): Promise<Omit<JobRow, 'id'>> {
  const { rows } = await sql<JobRow>`
    select *, (keep_until - start_after)::text as kept_for, (start_after - created_on)::text as delayed_by,
      expire_in::text as expire_in
    from pgboss.job where name = ${name} and id = ${id}`.execute(database.db)
  const row = rows[0]
  if (!row) throw new Error(`no job ${id}`)
  const { id: _id, created_on: _c, start_after: _s, keep_until: _k, ...rest } = row as JobRow & Record<string, unknown>
  return rest
}

describe('a job written within a statement', () => {
  for (const name of ['test-settled', 'test-plain']) {
    it(`is the row pg-boss itself writes for the queue ${name}`, async () => {
      const data = { template: 'signup-confirmation', memberId: 'mem_x', language: 'fr' }
      const ours = await database.db
        .with('job', () => jobInsert(name, sql`${JSON.stringify(data)}::jsonb`))
        .selectFrom('job')
        .select('id')
        .execute()
      const theirs = await database.db.transaction().execute((trx) => enqueue(trx, name, data))
      const ourId = ours[0]?.id ?? ''
      expect(ourId).toMatch(/^[0-9a-f-]{36}$/)
      expect(await jobRow(name, ourId)).toEqual(await jobRow(name, theirs ?? ''))
      expect((await jobRow(name, ourId)).data).toEqual(data)
    })
  }

  it('is not written when the statement fails, and is written when nothing reads it', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'test-plain'`.execute(
          database.db,
        )
      ).rows[0]?.n
    const before = (await count()) ?? 0
    await expect(
      database.db
        .with('job', () => jobInsert('test-plain', sql`'{}'::jsonb`))
        .selectFrom('job')
        .select(sql`1 / 0`.as('never'))
        .execute(),
    ).rejects.toThrow(/division by zero/)
    expect(await count()).toBe(before)
    // The job's CTE is not even read: it runs to completion all the same.
    await database.db
      .with('job', () => jobInsert('test-plain', sql`'{}'::jsonb`))
      .selectNoFrom(sql`1`.as('one'))
      .execute()
    expect(await count()).toBe(before + 1)
  })
})
