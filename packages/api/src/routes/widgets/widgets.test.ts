import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

const get = (path: string, headers: Record<string, string> = {}) => t.call('GET', path, { key: null, headers })

describe('GET /widgets/v1/…', () => {
  it('sends the Zopfli-compressed file to a browser that takes gzip, identical once inflated', async () => {
    const plain = await get('/widgets/v1/relais-event-list.js')
    const zipped = await get('/widgets/v1/relais-event-list.js', { 'accept-encoding': 'gzip, deflate' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding')
    expect(zipped.headers.get('content-type')).toContain('text/javascript')
    const body = Buffer.from(await zipped.arrayBuffer())
    expect(gunzipSync(body).toString()).toBe(await plain.text())
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'))
  })

  it('prefers Brotli when accepted, and honours q=0', async () => {
    const both = await get('/widgets/v1/relais.js', { 'accept-encoding': 'gzip, br' })
    expect(both.headers.get('content-encoding')).toBe('br')
    const refused = await get('/widgets/v1/relais.js', { 'accept-encoding': 'br;q=0, gzip' })
    expect(refused.headers.get('content-encoding')).toBe('gzip')
  })

  it('answers 304 to a revalidation of the encoding it sent', async () => {
    const first = await get('/widgets/v1/relais.js', { 'accept-encoding': 'gzip' })
    const etag = first.headers.get('etag') ?? ''
    const again = await get('/widgets/v1/relais.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(again.status).toBe(304)
  })

  it('refuses paths outside the build and kinds of file it does not serve', async () => {
    for (const path of ['/widgets/v1/../package.json', '/widgets/v1/relais.js.gz', '/widgets/v1/nope.js']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type'), path).toContain('application/problem+json')
    }
  })
})
