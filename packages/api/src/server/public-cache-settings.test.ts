import { describe, expect, it } from 'vitest'
import { publicCacheMsFrom } from './public-cache-settings.js'

describe('RELAIS_PUBLIC_CACHE_MS', () => {
  it('keeps public answers a second unless told otherwise; 0 keeps none', () => {
    expect(publicCacheMsFrom({})).toBe(1000)
    expect(publicCacheMsFrom({ RELAIS_PUBLIC_CACHE_MS: '250' })).toBe(250)
    expect(publicCacheMsFrom({ RELAIS_PUBLIC_CACHE_MS: '0' })).toBe(0)
  })

  it('refuses what is not a number of milliseconds up to a minute, and says why', () => {
    for (const wrong of ['off', '-1', '1.5', '60001']) {
      expect(() => publicCacheMsFrom({ RELAIS_PUBLIC_CACHE_MS: wrong })).toThrow(/from 0 to 60000/)
    }
  })
})
