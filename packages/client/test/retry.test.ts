import { describe, expect, test } from 'vitest'
import { backoffMs, retryAfterMs, retryPolicy } from '../src/retry.js'

describe('retry timing', () => {
  test('Retry-After is read in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T20:00:00Z')
    expect(retryAfterMs('120', now)).toBe(120_000)
    expect(retryAfterMs('Mon, 23 Nov 2026 20:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Mon, 23 Nov 2026 19:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs(null, now)).toBeUndefined()
  })

  test('backoff doubles at each retry, with jitter, and never passes maxDelayMs', () => {
    const policy = retryPolicy({ minDelayMs: 100, maxDelayMs: 1000 })
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(0, policy)).toBeGreaterThanOrEqual(50)
      expect(backoffMs(0, policy)).toBeLessThanOrEqual(100)
      expect(backoffMs(2, policy)).toBeGreaterThanOrEqual(200)
      expect(backoffMs(2, policy)).toBeLessThanOrEqual(400)
      expect(backoffMs(10, policy)).toBeLessThanOrEqual(1000)
    }
  })

  test('settings left out keep their defaults', () => {
    expect(retryPolicy({ retries: undefined, minDelayMs: 20 })).toEqual({
      retries: 3,
      minDelayMs: 20,
      maxDelayMs: 20_000,
    })
    expect(retryPolicy(false).retries).toBe(0)
  })
})
