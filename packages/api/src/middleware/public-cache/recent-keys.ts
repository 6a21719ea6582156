import type { ApiKey } from '../../db/types.js'
import type { Freshness, Stamp } from './freshness.js'

interface Entry {
  key: ApiKey
  stamp: Stamp
  storedAt: number
}

/**
 * The keys found recently, by token: each request of a spike need not look its key up again. An
 * entry lasts `ttlMs` at most and ends with any change of its organization, revocations included.
 */
export class RecentKeys {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly freshness: Freshness,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  private get(token: string): ApiKey | undefined {
    const entry = this.entries.get(token)
    if (!entry) return undefined
    if (
      Date.now() - entry.storedAt >= this.ttlMs ||
      !this.freshness.isCurrent(entry.key.organization_id, entry.stamp)
    ) {
      this.entries.delete(token)
      return undefined
    }
    return entry.key
  }

  /**
   * Looks the key up through `find` and keeps it, unless some change was heard of meanwhile: the
   * organization is known only once the key is read, so any change could have been its own.
   */
  async find(token: string, find: (token: string) => Promise<ApiKey | undefined>): Promise<ApiKey | undefined> {
    const kept = this.get(token)
    if (kept) return kept
    const before = this.freshness.total
    const storedAt = Date.now()
    const key = await find(token)
    if (!key || this.freshness.total !== before) return key
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value ?? '')
    this.entries.set(token, { key, stamp: this.freshness.stamp(key.organization_id), storedAt })
    return key
  }
}
