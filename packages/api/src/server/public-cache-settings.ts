import { type Environment, UsageError } from './environment.js'

/** One second: the most a visitor may see of an initiative after it was cancelled elsewhere. */
export const defaultPublicCacheMs = 1000

/**
 * How long public answers are kept in memory, from RELAIS_PUBLIC_CACHE_MS: 1 s by default; 0 keeps
 * none (every request is computed). At most 60 s: longer would show cancelled initiatives as open.
 */
export function publicCacheMsFrom(env: Environment): number {
  const value = env.RELAIS_PUBLIC_CACHE_MS?.trim() ?? ''
  if (value === '') return defaultPublicCacheMs
  const ms = Number(value)
  if (!/^\d+$/.test(value) || ms > 60_000) {
    throw new UsageError(`RELAIS_PUBLIC_CACHE_MS must be a number of milliseconds from 0 to 60000, not "${value}".`)
  }
  return ms
}
