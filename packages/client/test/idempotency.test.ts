import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { createClient, type RelaisClient } from '../src/index.js'
import { type SeenRequest, startFlakyProxy } from './flaky-proxy.js'

const api = inject('api')
let relais: RelaisClient
let seen: SeenRequest[]
let close: () => Promise<void>

beforeAll(async () => {
  const proxy = await startFlakyProxy(api.baseUrl, () => 'forward')
  relais = createClient({ baseUrl: proxy.url, key: api.secretKey })
  seen = proxy.seen
  close = proxy.close
})
afterAll(() => close())

const body = () => ({
  email: `sacha.renaud.${crypto.randomUUID()}@example.org`,
  given_name: 'Sacha',
  family_name: 'Renaud',
})
const lastKey = () => seen.at(-1)?.headers['idempotency-key']

describe('Idempotency-Key', () => {
  test('every POST gets a fresh random one', async () => {
    await relais.POST('/v1/members', { body: body() })
    const first = lastKey()
    await relais.POST('/v1/members', { body: body() })
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(lastKey()).not.toBe(first)
  })

  test('a call can give its own, as an option or as a header', async () => {
    await relais.POST('/v1/members', { body: body(), idempotencyKey: 'crm-import-42' })
    expect(lastKey()).toBe('crm-import-42')
    await relais.POST('/v1/members', { body: body(), headers: { 'Idempotency-Key': 'crm-import-43' } })
    expect(lastKey()).toBe('crm-import-43')
  })

  test('a call can send none, and other methods send none', async () => {
    await relais.POST('/v1/members', { body: body(), idempotencyKey: false })
    expect(lastKey()).toBeUndefined()
    await relais.GET('/v1/initiatives')
    expect(lastKey()).toBeUndefined()
  })
})
