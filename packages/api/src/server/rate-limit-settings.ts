import { isIP } from 'node:net'
import {
  defaultRateLimits,
  type PolicyName,
  policyNames,
  type RateLimitPolicies,
} from '../domain/rate-limits/policies.js'
import type { TrustProxy } from '../middleware/rate-limit/client-address.js'
import { type Environment, UsageError } from './environment.js'

const example = 'off, or overrides such as public-write=30/60,email=5/3600 (requests/seconds)'

/**
 * The rate limits from RELAIS_RATE_LIMITS: unset gives the defaults, `off` none (benchmarks), and
 * `policy=requests/seconds` pairs override some of the defaults.
 */
export function rateLimitsFrom(env: Environment): RateLimitPolicies | undefined {
  const value = env.RELAIS_RATE_LIMITS?.trim() ?? ''
  if (value === 'off') return undefined
  const policies = { ...defaultRateLimits }
  const byName = Object.fromEntries(Object.entries(policyNames).map(([field, name]) => [name, field])) as Record<
    PolicyName,
    keyof RateLimitPolicies
  >
  for (const item of value.split(',').filter((part) => part.trim() !== '')) {
    const match = /^\s*([a-z-]+)\s*=\s*(\d{1,7})\s*\/\s*(\d{1,6})\s*$/.exec(item)
    const field = match ? byName[match[1] as PolicyName] : undefined
    if (!match || !field || Number(match[2]) < 1 || Number(match[3]) < 1) {
      throw new UsageError(`RELAIS_RATE_LIMITS must be ${example}; "${item.trim()}" is not understood.`)
    }
    policies[field] = { limit: Number(match[2]), windowSeconds: Number(match[3]) }
  }
  return policies
}

/**
 * The proxies from TRUST_PROXY: a number of proxy hops in front of the server, or a comma-separated
 * list of proxy addresses and CIDR ranges. Unset: X-Forwarded-For is ignored.
 */
export function trustProxyFrom(env: Environment): TrustProxy | undefined {
  const value = env.TRUST_PROXY?.trim() ?? ''
  if (value === '') return undefined
  if (/^\d{1,2}$/.test(value)) return Number(value) === 0 ? undefined : { hops: Number(value) }
  const proxies = value.split(',').map((part) => part.trim())
  for (const proxy of proxies) {
    const [address = '', prefix, ...rest] = proxy.split('/')
    const family = isIP(address)
    const bits = family === 6 ? 128 : 32
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits)
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new UsageError(
        `TRUST_PROXY must be a number of proxy hops (1) or proxy addresses and ranges (10.0.0.0/8,::1), not "${proxy}".`,
      )
    }
  }
  return { proxies }
}
