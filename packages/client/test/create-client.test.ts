import { readFileSync } from 'node:fs'
import { describe, expect, inject, test } from 'vitest'
import { createClient, version } from '../src/index.js'
import { startFlakyProxy } from './flaky-proxy.js'

describe('createClient', () => {
  test.each([
    [undefined, /full address of a Relais server/],
    ['relais.example.org', /full address of a Relais server/],
    ['ftp://relais.example.org', /must start with https:\/\//],
    ['https://relais.example.org/v1/', /leave \/v1 out of baseUrl .*use https:\/\/relais\.example\.org\.$/],
    ['https://relais.example.org/?org=1', /no \?query/],
  ])('refuses the base URL %s with a clear message', (baseUrl, message) => {
    expect(() => createClient({ baseUrl: baseUrl as string })).toThrow(message)
  })

  test('accepts a server under a sub-path', () => {
    expect(() => createClient({ baseUrl: 'https://www.example.org/relais/' })).not.toThrow()
  })

  test('refuses a key that is not a Relais key, such as one with "Bearer " left in', () => {
    expect(() => createClient({ baseUrl: 'https://relais.example.org', key: 'Bearer sk_live_x' })).toThrow(/pk_ or sk_/)
  })

  test('sends the key and, in Node, the client version', async () => {
    const api = inject('api')
    const proxy = await startFlakyProxy(api.baseUrl, () => 'forward')
    try {
      const relais = createClient({ baseUrl: proxy.url, key: api.secretKey })
      expect((await relais.GET('/v1/stats')).response.status).toBe(200)
      const [seen] = proxy.seen
      expect(seen?.headers.authorization).toBe(`Bearer ${api.secretKey}`)
      expect(seen?.headers['relais-client']).toBe(version)
      expect(seen?.headers['user-agent']).toBe(`relais-client/${version} node/${process.versions.node}`)
    } finally {
      await proxy.close()
    }
  })

  test('knows its own version, kept in sync with package.json by the build', () => {
    const { version: packageVersion } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(version).toBe(packageVersion)
  })
})
