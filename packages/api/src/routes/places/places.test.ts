import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface Place {
  postcode: string
  communes: { insee_code: string; name: string }[]
  latitude: number
  longitude: number
  precision: string
  department: string
}

describe('GET /v1/places/{postcode}', () => {
  it('places 75011 in Paris 11e, cacheable for a day', async () => {
    const res = await t.call('GET', '/v1/places/75011')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
    const place = (await res.json()) as Place
    expect(place).toMatchObject({ postcode: '75011', department: '75', precision: 'commune' })
    expect(place.communes).toEqual([{ insee_code: '75111', name: expect.stringMatching(/^Paris 11/) }])
    expect(place.latitude).toBeCloseTo(48.86, 1)
    expect(place.longitude).toBeCloseTo(2.38, 1)
  })

  it('places 69003 in Lyon 3e', async () => {
    const place = (await (await t.call('GET', '/v1/places/69003')).json()) as Place
    expect(place.department).toBe('69')
    expect(place.communes.map((c) => c.insee_code)).toContain('69383')
    expect(place.latitude).toBeCloseTo(45.76, 1)
  })

  it('answers 404 for an unknown postcode and 400 for a malformed one', async () => {
    const unknown = await t.call('GET', '/v1/places/00000')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toBe('application/problem+json')
    for (const malformed of ['7501', '750111', 'abcde']) {
      const res = await t.call('GET', `/v1/places/${malformed}`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('path.postcode')
    }
  })

  it('asks for a key', async () => {
    expect((await t.call('GET', '/v1/places/75011', { key: null })).status).toBe(401)
  })
})

describe('GET /v1/places', () => {
  it('finds communes by the start of their name, the arrondissements of Lyon first', async () => {
    const res = await t.call('GET', '/v1/places?q=lyon')
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as { data: Place[] }
    expect(data.length).toBeGreaterThan(1)
    expect(data.length).toBeLessThanOrEqual(10)
    expect(data[0]).toMatchObject({ postcode: '69001', department: '69' })
    expect(data.every((place) => place.communes[0]?.name.startsWith('Lyon'))).toBe(true)
  })

  it('caps the number of communes at 20', async () => {
    const many = (await (await t.call('GET', '/v1/places?q=saint&limit=20')).json()) as { data: Place[] }
    expect(many.data).toHaveLength(20)
    const res = await t.call('GET', '/v1/places?q=saint&limit=21')
    expect(res.status).toBe(400)
    expect((await t.call('GET', '/v1/places')).status).toBe(400)
  })
})
