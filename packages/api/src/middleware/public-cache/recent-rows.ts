import type { Freshness, Stamp } from './freshness.js'

interface Entry<T> {
  row: T
  stamp: Stamp
  storedAt: number
}

/**
 * Rows read recently (API keys by token, an organization's consent texts), so that each request of
 * a spike need not read them again. An entry lasts `ttlMs` at most and ends with any change of its
 * organization: a revoked key or a retired text is not served after the write that changed it.
 */
export class RecentRows<T> {
  private readonly entries = new Map<string, Entry<T>>()

  constructor(
    private readonly freshness: Freshness,
    private readonly ttlMs: number,
    /** The organization a row belongs to, whose changes end its entry. */
    private readonly organizationOf: (row: T) => string,
    private readonly maxEntries = 10_000,
  ) {}

  private get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (
      Date.now() - entry.storedAt >= this.ttlMs ||
      !this.freshness.isCurrent(this.organizationOf(entry.row), entry.stamp)
    ) {
      this.entries.delete(key)
      return undefined
    }
    return entry.row
  }

  /**
   * Reads the row through `read` and keeps it, unless some change was heard of meanwhile: the
   * organization may be known only once the row is read, so any change could have been its own.
   */
  async find(key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const kept = this.get(key)
    if (kept !== undefined) return kept
    const before = this.freshness.total
    const storedAt = Date.now()
    const row = await read()
    if (row === undefined || this.freshness.total !== before) return row
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value ?? '')
    this.entries.set(key, { row, stamp: this.freshness.stamp(this.organizationOf(row)), storedAt })
    return row
  }
}
