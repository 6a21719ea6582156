import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import { openDatabase, type RelaisDatabase } from '../../db/database.js'
import { defaultRateLimits } from '../../domain/rate-limits/policies.js'

// Two pools on one server stand for two processes: the quota must hold across them, even when
// their requests race.
let t: TestContext
let second: RelaisDatabase
beforeAll(async () => {
  t = await openTestApp()
  second = await openDatabase({ url: t.database.url ?? '', poolSize: 4 })
})
afterAll(async () => {
  await second.close()
  await t.close()
})

describe('rate limits across processes on one PostgreSQL', () => {
  it('lets exactly the quota through when two processes take simultaneous requests', async () => {
    // Secret keys' requests are counted one statement each (public reads are batched: see below).
    const rateLimits = { ...defaultRateLimits, secret: { limit: 7, windowSeconds: 86_400 } }
    const apps = [t.database.db, second.db].map((db) =>
      createApp({ db, config: { publicUrl: testPublicUrl, rateLimits } }),
    )
    const env = { incoming: { socket: { remoteAddress: '192.0.2.200' } } }
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        apps[i % 2]?.request(
          `${testPublicUrl}/v1/groups?limit=1`,
          { headers: { authorization: `Bearer ${t.demo.secretKey}` } },
          env,
        ),
      ),
    )
    const statuses = answers.map((res) => res?.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(7)
    expect(statuses.filter((status) => status === 429)).toHaveLength(13)
    const remaining = answers.map((res) => /r=(\d+)/.exec(res?.headers.get('ratelimit') ?? '')?.[1]).sort()
    expect(remaining.filter((r) => r !== '0')).toEqual(['1', '2', '3', '4', '5', '6'])
  })

  it('lets public reads past the quota by no more than what arrives before the counts are shared', async () => {
    const rateLimits = { ...defaultRateLimits, publicRead: { limit: 50, windowSeconds: 86_400 } }
    const apps = [t.database.db, second.db].map((db) =>
      createApp({ db, config: { publicUrl: testPublicUrl, rateLimits } }),
    )
    const env = { incoming: { socket: { remoteAddress: '192.0.2.201' } } }
    const read = (i: number) =>
      apps[i % 2]?.request(
        `${testPublicUrl}/v1/groups?limit=1`,
        { headers: { authorization: `Bearer ${t.demo.publishableKey}` } },
        env,
      )
    // Two bursts of 40 simultaneous reads, 300 ms apart: the second finds the first's counts shared.
    const first = await Promise.all(Array.from({ length: 40 }, (_, i) => read(i)))
    await new Promise((resolve) => setTimeout(resolve, 300))
    const later = await Promise.all(Array.from({ length: 40 }, (_, i) => read(i)))
    const allowed = [...first, ...later].filter((res) => res?.status === 200).length
    expect(first.every((res) => res?.status === 200)).toBe(true)
    expect(allowed).toBeGreaterThanOrEqual(50)
    expect(allowed).toBeLessThanOrEqual(52)
  })
})
