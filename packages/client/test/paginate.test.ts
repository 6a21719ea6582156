import { describe, expect, inject, test } from 'vitest'
import { createClient, paginate, RelaisError } from '../src/index.js'

const api = inject('api')
const relais = createClient({ baseUrl: api.baseUrl, key: api.secretKey })

describe('paginate', () => {
  test('follows next_cursor over the demo initiatives: every one once, in start order', async () => {
    const pages: string[][] = []
    let cursor: string | undefined
    do {
      const { data } = await relais.GET('/v1/initiatives', { params: { query: { limit: 100, cursor } } })
      pages.push((data?.data ?? []).map((initiative) => initiative.id))
      cursor = data?.next_cursor ?? undefined
    } while (cursor)
    expect(pages.length).toBeGreaterThan(1)

    const starts: string[] = []
    const ids: string[] = []
    for await (const initiative of paginate(relais, '/v1/initiatives', { query: { limit: 100 } })) {
      ids.push(initiative.id)
      starts.push(initiative.starts_at)
    }
    expect(ids).toEqual(pages.flat())
    expect(new Set(ids).size).toBe(ids.length)
    expect(starts).toEqual([...starts].sort())
  })

  test('keeps the filters on every page', async () => {
    const groups = await relais.GET('/v1/groups', { params: { query: { kind: 'federation', limit: 1 } } })
    const group = groups.data?.data[0]?.id ?? ''
    let count = 0
    for await (const initiative of paginate(relais, '/v1/initiatives', { query: { group, limit: 10 } })) {
      expect(initiative.group.id).toBeTruthy()
      count++
    }
    const firstPage = await relais.GET('/v1/initiatives', { params: { query: { group, limit: 10 } } })
    expect(count).toBeGreaterThan(firstPage.data?.data.length ?? 0)
    expect(firstPage.data?.next_cursor).not.toBeNull()
  })

  test('fills path parameters, for lists under a resource', async () => {
    const groups = await relais.GET('/v1/groups', { params: { query: { kind: 'federation', limit: 1 } } })
    const group_id = groups.data?.data[0]?.id ?? ''
    const members: string[] = []
    for await (const membership of paginate(relais, '/v1/groups/{group_id}/members', {
      path: { group_id },
      query: { limit: 100, include_subgroups: true },
    })) {
      members.push(membership.member_id)
    }
    expect(members.length).toBeGreaterThan(100)
    expect(new Set(members).size).toBe(members.length)
  })

  test('stops early on break, without reading further pages', async () => {
    const urls: string[] = []
    const counting = createClient({
      baseUrl: api.baseUrl,
      key: api.secretKey,
      fetch: (request) => {
        urls.push(request.url)
        return fetch(request)
      },
    })
    for await (const initiative of paginate(counting, '/v1/initiatives', { query: { limit: 3 } })) {
      if (initiative) break
    }
    expect(urls).toHaveLength(1)
  })

  test('throws a RelaisError holding the problem when a page fails', async () => {
    const pages = paginate(relais, '/v1/initiatives', { query: { near: 'Lyon' } })
    const error = await pages.next().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RelaisError)
    expect((error as RelaisError).problem?.status).toBe(400)
    expect((error as RelaisError).problem?.errors?.[0]?.path).toBe('query.near')
  })
})
