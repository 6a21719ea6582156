import { describe, expect, inject, test } from 'vitest'
import { createClient, isProblem } from '../src/index.js'

const api = inject('api')
const relais = createClient({ baseUrl: api.baseUrl, key: api.secretKey })

describe('errors are typed problems', () => {
  test('an invalid body answers 400 with errors[] naming each field', async () => {
    const { data, error, response } = await relais.POST('/v1/members', {
      body: { email: 'not an address', given_name: '', family_name: 'Roux', postcode: '6900' },
    })
    expect(data).toBeUndefined()
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(isProblem(error)).toBe(true)
    expect(error?.status).toBe(400)
    expect(error?.errors?.map((field) => field.path).sort()).toEqual(['email', 'given_name', 'postcode'])
  })

  test('an address already known answers 409 on email', async () => {
    const body = { email: `noa.lambert.${Date.now()}@example.org`, given_name: 'Noa', family_name: 'Lambert' }
    expect((await relais.POST('/v1/members', { body })).response.status).toBe(201)
    const { error } = await relais.POST('/v1/members', { body })
    expect(error?.status).toBe(409)
    expect(error?.errors?.[0]?.path).toBe('email')
  })

  test('an unknown id answers 404, a bad key 401, a publishable key on members 403', async () => {
    const missing = await relais.GET('/v1/members/{member_id}', { params: { path: { member_id: 'mem_0000' } } })
    expect(missing.error?.status).toBe(404)

    const revoked = createClient({ baseUrl: api.baseUrl, key: 'sk_live_unknown' })
    const unauthorized = await revoked.GET('/v1/members')
    expect(unauthorized.error?.status).toBe(401)
    expect(isProblem(unauthorized.error)).toBe(true)

    const publicClient = createClient({ baseUrl: api.baseUrl, key: api.publishableKey })
    const forbidden = await publicClient.GET('/v1/members')
    expect(forbidden.error?.status).toBe(403)
  })

  test('isProblem tells a problem from anything else', () => {
    expect(isProblem({ type: 'about:blank', title: 'Not Found', status: 404, detail: '', instance: '/' })).toBe(true)
    for (const value of [undefined, null, 'Bad Gateway', { status: 500 }, { type: 'x', title: 'y', status: '500' }]) {
      expect(isProblem(value)).toBe(false)
    }
  })
})
