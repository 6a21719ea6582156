import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../../test/database.js'
import { TestReceiver } from '../../routes/webhook-endpoints/test-receiver.js'
import { attemptDelivery } from './deliver.js'
import { queueDelivery } from './emit.js'
import { createEndpoint } from './endpoints.js'
import { nextAttemptAt, retryDelaysSeconds } from './retry-schedule.js'

let database: TestDatabase
let receiver: TestReceiver
const organizationId = inject('template').demo.organizationId

beforeAll(async () => {
  database = await openTestDatabase()
  receiver = await TestReceiver.start()
})
afterAll(async () => {
  await receiver.stop()
  await database.close()
})

/** An endpoint saved in development mode, then delivered to by a production server. */
async function pendingDelivery(url: string) {
  const endpoint = await createEndpoint(
    database.db,
    organizationId,
    { url, event_types: ['group.created'] },
    {
      allowPrivate: true,
    },
  )
  const now = new Date()
  const deliveryId = await database.db
    .transaction()
    .execute((trx) =>
      queueDelivery(
        trx,
        organizationId,
        endpoint.id,
        { type: 'webhook.test', timestamp: now.toISOString(), data: {} },
        now,
      ),
    )
  return { organizationId, deliveryId, attempt: 1 }
}

describe('delivery-time address check', () => {
  it.each([
    ['a name that now resolves to loopback', (port: string) => `http://localhost:${port}/hooks`],
    ['a loopback literal', (port: string) => `http://127.0.0.1:${port}/hooks`],
    ['an IPv4-mapped IPv6 literal', (port: string) => `http://[::ffff:127.0.0.1]:${port}/hooks`],
  ])('refuses to connect to %s, logs it and schedules the next attempt', async (_what, urlFor) => {
    const job = await pendingDelivery(urlFor(new URL(receiver.url).port))
    const { outcome, result } = await attemptDelivery(database.db, job, { allowPrivate: false })
    expect(outcome).toBe('retrying')
    expect(result?.error).toMatch(/^refused: (localhost resolves to 127\.0\.0\.1|127\.0\.0\.1 is|::ffff:7f00:1 is)/)
    expect(receiver.received).toHaveLength(0)
    const row = await database.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', job.deliveryId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null })
    expect(row.last_error).toContain('refused')
    const { rows } = await sql<{ start_after: Date }>`
      select start_after from pgboss.job
      where name = 'deliver-webhook' and data->>'deliveryId' = ${job.deliveryId} and (data->>'attempt')::int = 2
    `.execute(database.db)
    expect(rows).toHaveLength(1)
    const wait = (rows[0]?.start_after.getTime() ?? 0) - (row.last_attempt_at?.getTime() ?? 0)
    expect(wait).toBeGreaterThanOrEqual(4000)
    expect(wait).toBeLessThan(10_000)
  })

  it('does nothing for an attempt already logged (a job pg-boss runs again)', async () => {
    const job = await pendingDelivery(receiver.url)
    expect((await attemptDelivery(database.db, job, { allowPrivate: true })).outcome).toBe('succeeded')
    expect((await attemptDelivery(database.db, job, { allowPrivate: true })).outcome).toBe('skipped')
    expect(receiver.received).toHaveLength(1)
  })
})

describe('retry schedule', () => {
  it('follows Standard Webhooks: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up', () => {
    const now = new Date('2026-12-07T10:00:00Z')
    const waits = [1, 2, 3, 4, 5, 6, 7].map(
      (attempt) => ((nextAttemptAt(attempt, now)?.getTime() ?? 0) - now.getTime()) / 1000,
    )
    expect(waits).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000])
    expect(retryDelaysSeconds[0]).toBe(0)
    expect(nextAttemptAt(8, now)).toBeNull()
  })
})
