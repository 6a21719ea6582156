import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { keyFromQuery } from './index.js'

const app = new Hono().get('/', keyFromQuery(), (c) => c.text(c.req.header('authorization') ?? 'none'))

describe('keyFromQuery', () => {
  it('turns a publishable key in the address into a bearer token', async () => {
    expect(await (await app.request('/?key=pk_test_abc')).text()).toBe('Bearer pk_test_abc')
  })

  it('lets an Authorization header win over the address', async () => {
    const res = await app.request('/?key=pk_test_abc', { headers: { authorization: 'Bearer pk_test_header' } })
    expect(await res.text()).toBe('Bearer pk_test_header')
  })

  it('refuses a secret key in the address with a 401 problem', async () => {
    const res = await app.request('/?key=sk_test_abc')
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('leaves requests without `key` alone', async () => {
    expect(await (await app.request('/')).text()).toBe('none')
  })
})
