import { describe, expect, inject, test } from 'vitest'
import { createClient } from '../src/index.js'

const api = inject('api')
const relais = createClient({ baseUrl: api.baseUrl, key: api.secretKey })

describe('typed calls against the real API', () => {
  test('a list answers its page type, with the query sent as given', async () => {
    const { data, error, response } = await relais.GET('/v1/initiatives', {
      params: { query: { limit: 5, near: '69003', radius_km: 30 } },
    })
    expect(error).toBeUndefined()
    expect(response.status).toBe(200)
    expect(data?.data.length).toBeGreaterThan(0)
    expect(data?.data.length).toBeLessThanOrEqual(5)
    for (const initiative of data?.data ?? []) expect(initiative.id).toMatch(/^ini_/)
    expect(typeof data?.next_cursor).toBe('string')
  })

  test('path parameters fill the path', async () => {
    const list = await relais.GET('/v1/groups', { params: { query: { limit: 1 } } })
    const group = list.data?.data[0]
    expect(group).toBeDefined()
    const { data } = await relais.GET('/v1/groups/{group_id}', { params: { path: { group_id: group?.id ?? '' } } })
    expect(data?.id).toBe(group?.id)
    expect(data?.name).toBe(group?.name)
  })

  test('a POST sends its JSON body and answers the created resource', async () => {
    const email = `dominique.faure.${Date.now()}@example.net`
    const { data, response } = await relais.POST('/v1/members', {
      body: { email, given_name: 'Dominique', family_name: 'Faure', postcode: '69003' },
    })
    expect(response.status).toBe(201)
    expect(data?.id).toMatch(/^mem_/)
    expect(data?.email).toBe(email)
    expect(data?.commune).toMatch(/Lyon/)
  })

  test('a publishable key reaches the public operations', async () => {
    const publicClient = createClient({ baseUrl: api.baseUrl, key: api.publishableKey })
    const { data, response } = await publicClient.GET('/v1/initiatives', { params: { query: { limit: 1 } } })
    expect(response.status).toBe(200)
    expect(data?.data).toHaveLength(1)
  })

  test('a fetch given to createClient carries every request', async () => {
    const urls: string[] = []
    const recording = createClient({
      baseUrl: api.baseUrl,
      key: api.secretKey,
      fetch: (request) => {
        urls.push(request.url)
        return fetch(request)
      },
    })
    const { response } = await recording.GET('/v1/stats')
    expect(response.status).toBe(200)
    expect(urls).toEqual([`${api.baseUrl}/v1/stats`])
  })
})
