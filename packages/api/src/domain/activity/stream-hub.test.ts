import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../../test/database.js'
import { newId } from '../ids.js'
import { ActivityHub } from './stream-hub.js'
import type { StreamedActivity } from './stream-read.js'

let database: TestDatabase
let organizationId: string

beforeAll(async () => {
  database = await openTestDatabase()
  const organization = await database.db
    .selectFrom('organizations')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  organizationId = organization.id
})
afterAll(() => database.close())

const filter = (kind: string) => ({ organizationId, includePrivate: false, kind })

async function write(kind: string) {
  const id = newId('act')
  await database.db
    .insertInto('activity')
    .values({ organization_id: organizationId, id, kind, group_id: null, group_path: null })
    .execute()
  return id
}

async function waitUntil(check: () => boolean, what: string, ms = 5000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return Date.now() - started
}

/** Counts the statements a Kysely instance sends. */
function counting() {
  const counter = { queries: 0 }
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.queries++
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return { counter, db: database.db.withPlugin(plugin) }
}

describe('ActivityHub', () => {
  it('wakes on NOTIFY at commit, without waiting for its timer', async () => {
    const hub = new ActivityHub(database.db, { listen: database.listen, pollMs: 60_000 })
    const received: StreamedActivity[] = []
    const subscription = await hub.subscribe(filter('hub_notify'), (activity) => received.push(activity))
    const started = Date.now()
    const id = await write('hub_notify')
    await waitUntil(() => received.length === 1, 'the notified item')
    console.log(`[${database.kind}] NOTIFY to delivery in one process: ${Date.now() - started} ms`)
    expect(received[0]?.id).toBe(id)
    subscription.unsubscribe()
  })

  it('polls on its timer when the database cannot notify', async () => {
    const hub = new ActivityHub(database.db, { pollMs: 50 })
    const received: StreamedActivity[] = []
    const subscription = await hub.subscribe(filter('hub_timer'), (activity) => received.push(activity))
    const id = await write('hub_timer')
    await waitUntil(() => received.length === 1, 'the polled item')
    expect(received[0]?.id).toBe(id)
    subscription.unsubscribe()
  })

  it('serves any number of subscribers with one query per poll, and stops with the last one', async () => {
    const { counter, db } = counting()
    const hub = new ActivityHub(db, { listen: database.listen, pollMs: 60_000 })
    const received = new Map<number, string[]>()
    const subscriptions = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        hub.subscribe(filter(n % 2 === 0 ? 'hub_even' : 'hub_odd'), (activity) =>
          received.set(n, [...(received.get(n) ?? []), activity.id]),
        ),
      ),
    )
    expect(hub.size).toBe(200)
    const before = counter.queries
    const even = await write('hub_even')
    await waitUntil(() => received.size === 100, 'every even subscriber')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect([...received.keys()].every((n) => n % 2 === 0)).toBe(true)
    expect([...received.values()].every((ids) => ids.length === 1 && ids[0] === even)).toBe(true)
    // The poll after the notification, maybe one more for a notification that came meanwhile.
    expect(counter.queries - before).toBeLessThanOrEqual(2)
    for (const subscription of subscriptions) subscription.unsubscribe()
    expect(hub.size).toBe(0)
    const idle = counter.queries
    await write('hub_even')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(counter.queries).toBe(idle)
  })

  it('gives each subscriber the position it starts from, after what is already settled', async () => {
    const hub = new ActivityHub(database.db, { pollMs: 50 })
    const id = await write('hub_since')
    const row = await database.db
      .selectFrom('activity')
      .select(['stream_tx', 'stream_seq'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const received: StreamedActivity[] = []
    const subscription = await hub.subscribe(filter('hub_since'), (activity) => received.push(activity))
    expect(subscription.since).toEqual({ tx: BigInt(row.stream_tx), seq: BigInt(row.stream_seq) })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(received).toEqual([])
    subscription.unsubscribe()
  })
})
