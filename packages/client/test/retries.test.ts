import { afterEach, describe, expect, inject, test } from 'vitest'
import { createClient } from '../src/index.js'
import { type Answer, startFlakyProxy } from './flaky-proxy.js'

const api = inject('api')
let close: () => Promise<void> = async () => {}
afterEach(() => close())

async function clientBehind(plan: (n: number) => Answer, options: Parameters<typeof createClient>[0]['retry'] = {}) {
  const proxy = await startFlakyProxy(api.baseUrl, plan)
  close = proxy.close
  const relais = createClient({ baseUrl: proxy.url, key: api.secretKey, retry: { minDelayMs: 20, ...options } })
  return { relais, seen: proxy.seen }
}

const member = () => ({
  email: `alix.morel.${crypto.randomUUID()}@example.com`,
  given_name: 'Alix',
  family_name: 'Morel',
})

describe('retries', () => {
  test('429 is retried after the Retry-After the server gave', async () => {
    const { relais, seen } = await clientBehind((n) => (n < 2 ? { status: 429, retryAfter: '1' } : 'forward'))
    const started = performance.now()
    const { data, response } = await relais.GET('/v1/initiatives', { params: { query: { limit: 2 } } })
    expect(response.status).toBe(200)
    expect(data?.data).toHaveLength(2)
    expect(seen).toHaveLength(3)
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000)
  })

  test('503 without Retry-After is retried with backoff, a POST with its body and the same key', async () => {
    const { relais, seen } = await clientBehind((n) => (n < 2 ? { status: 503 } : 'forward'))
    const body = member()
    const { data, response } = await relais.POST('/v1/members', { body })
    expect(response.status).toBe(201)
    expect(data?.email).toBe(body.email)
    expect(seen.map((request) => JSON.parse(request.body).email)).toEqual([body.email, body.email, body.email])
    const keys = new Set(seen.map((request) => request.headers['idempotency-key']))
    expect(keys.size).toBe(1)
  })

  test('gives up after the retries allowed and returns the last problem', async () => {
    const { relais, seen } = await clientBehind(() => ({ status: 429, retryAfter: '0' }), { retries: 2 })
    const { error, response } = await relais.GET('/v1/initiatives')
    expect(response.status).toBe(429)
    expect(error?.title).toBe('Too Many Requests')
    expect(seen).toHaveLength(3)
  })

  test('does not wait longer than maxDelayMs: the 429 comes back at once', async () => {
    const { relais, seen } = await clientBehind(() => ({ status: 429, retryAfter: '3600' }), { maxDelayMs: 5000 })
    const { response } = await relais.GET('/v1/initiatives')
    expect(response.status).toBe(429)
    expect(seen).toHaveLength(1)
  })

  test('retry: false on a call sends it once', async () => {
    const { relais, seen } = await clientBehind((n) => (n < 1 ? { status: 503 } : 'forward'))
    const { response } = await relais.GET('/v1/initiatives', { retry: false })
    expect(response.status).toBe(503)
    expect(seen).toHaveLength(1)
  })

  test('retry: false on the client sends every call once', async () => {
    const proxy = await startFlakyProxy(api.baseUrl, (n) => (n < 1 ? { status: 503 } : 'forward'))
    close = proxy.close
    const relais = createClient({ baseUrl: proxy.url, key: api.secretKey, retry: false })
    expect((await relais.GET('/v1/initiatives')).response.status).toBe(503)
    expect(proxy.seen).toHaveLength(1)
  })

  test('a dropped connection is retried for a GET and for a POST holding an idempotency key', async () => {
    const get = await clientBehind((n) => (n < 1 ? 'drop' : 'forward'))
    expect((await get.relais.GET('/v1/initiatives')).response.status).toBe(200)
    expect(get.seen).toHaveLength(2)
    await close()

    const post = await clientBehind((n) => (n < 1 ? 'drop' : 'forward'))
    expect((await post.relais.POST('/v1/members', { body: member() })).response.status).toBe(201)
    expect(post.seen).toHaveLength(2)
    expect(post.seen[0]?.headers['idempotency-key']).toBe(post.seen[1]?.headers['idempotency-key'])
  })

  test('a dropped connection is not retried for a POST sent without idempotency key: it may have succeeded', async () => {
    const { relais, seen } = await clientBehind((n) => (n < 1 ? 'drop' : 'forward'))
    await expect(relais.POST('/v1/members', { body: member(), idempotencyKey: false })).rejects.toThrow(TypeError)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined()
  })

  test('an abort stops the waiting', async () => {
    const { relais } = await clientBehind(() => ({ status: 429, retryAfter: '10' }), { maxDelayMs: 60_000 })
    const started = performance.now()
    await expect(relais.GET('/v1/initiatives', { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
