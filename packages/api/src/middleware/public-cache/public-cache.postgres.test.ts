import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { publicSection } from '../../../test/demo-groups.js'
import { createApp } from '../../app.js'
import { openDatabase, type RelaisDatabase } from '../../db/database.js'
import { openPublicCache, type PublicCache } from './index.js'

// Two API processes on one PostgreSQL: each its own pool, LISTEN connection and cache. Only a
// server database has several; this file runs in the postgres project only.

let t: TestContext
const opened: { database: RelaisDatabase; cache: PublicCache }[] = []

beforeAll(async () => {
  t = await openTestApp()
})
afterAll(async () => {
  for (const { database, cache } of opened) {
    await cache.close()
    await database.close()
  }
  await t.close()
})

/** A process as `relais serve` opens it, with a cache that would keep answers a minute unless told. */
async function apiProcess() {
  const database = await openDatabase({ url: t.database.url ?? '', poolSize: 2 })
  const cache = await openPublicCache({ ttlMs: 60_000, listen: database.listen })
  opened.push({ database, cache })
  const app = createApp({ db: database.db, config: { publicUrl: testPublicUrl }, publicCache: cache })
  return async (method: string, path: string, key: string) =>
    app.request(`${testPublicUrl}${path}`, { method, headers: { authorization: `Bearer ${key}` } })
}

it('stops serving an initiative as open within moments of its cancellation by another process', async () => {
  const [reader, writer] = [await apiProcess(), await apiProcess()]
  const section = await publicSection(t)
  const initiative = await t.database.db
    .selectFrom('initiatives')
    .select('id')
    .where('organization_id', '=', t.demo.organizationId)
    .where('group_id', '=', section.id)
    .where('status', '=', 'published')
    .where('starts_at', '>', new Date())
    .orderBy('starts_at')
    .executeTakeFirstOrThrow()
  const path = `/v1/initiatives/${initiative.id}`
  const status = async () =>
    ((await (await reader('GET', path, t.demo.publishableKey)).json()) as { status: string }).status
  expect(await status()).toBe('published')
  const cancelled = await writer('POST', `${path}/cancel`, t.demo.secretKey)
  expect(cancelled.status).toBe(200)
  const since = performance.now()
  let seen = await status()
  while (seen !== 'cancelled' && performance.now() - since < 1000) {
    await new Promise((resolve) => setTimeout(resolve, 5))
    seen = await status()
  }
  const delay = performance.now() - since
  console.log(`cancellation seen by the other process after ${delay.toFixed(0)} ms`)
  expect(seen).toBe('cancelled')
})
