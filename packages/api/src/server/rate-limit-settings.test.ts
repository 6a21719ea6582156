import { describe, expect, it } from 'vitest'
import { defaultRateLimits } from '../domain/rate-limits/policies.js'
import { UsageError } from './environment.js'
import { rateLimitsFrom, trustProxyFrom } from './rate-limit-settings.js'

describe('RELAIS_RATE_LIMITS', () => {
  it('gives the defaults when unset, none when off, and overrides named policies', () => {
    expect(rateLimitsFrom({})).toEqual(defaultRateLimits)
    expect(rateLimitsFrom({ RELAIS_RATE_LIMITS: 'off' })).toBeUndefined()
    expect(rateLimitsFrom({ RELAIS_RATE_LIMITS: 'public-write=30/60, email = 5/3600' })).toEqual({
      ...defaultRateLimits,
      publicWrite: { limit: 30, windowSeconds: 60 },
      email: { limit: 5, windowSeconds: 3600 },
    })
  })

  it('refuses what it does not understand, naming it', () => {
    for (const value of ['on', 'reads=10/60', 'secret=0/60', 'secret=10', 'secret=10/0', 'public-read=1.5/60']) {
      expect(() => rateLimitsFrom({ RELAIS_RATE_LIMITS: value }), value).toThrow(UsageError)
    }
  })
})

describe('TRUST_PROXY', () => {
  it('reads a number of hops or a list of proxy addresses and ranges', () => {
    expect(trustProxyFrom({})).toBeUndefined()
    expect(trustProxyFrom({ TRUST_PROXY: '0' })).toBeUndefined()
    expect(trustProxyFrom({ TRUST_PROXY: '2' })).toEqual({ hops: 2 })
    expect(trustProxyFrom({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,fd00::/8' })).toEqual({
      proxies: ['10.0.0.0/8', '127.0.0.1', 'fd00::/8'],
    })
  })

  it('refuses anything else', () => {
    for (const value of ['true', 'loopback', '10.0.0.0/33', '10.0.0/8', '::1/129', '10.0.0.1/8/8']) {
      expect(() => trustProxyFrom({ TRUST_PROXY: value }), value).toThrow(UsageError)
    }
  })
})
