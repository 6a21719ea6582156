import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { sweepExpiredCounters, type WindowCount } from './counters.js'
import type { Quota } from './policies.js'

interface Tally {
  bucket: string
  start: number
  end: number
  /** This process's requests in the window. */
  counted: number
  /** Those of them added to the shared counter. */
  sent: number
  /** Other processes' requests, as the shared counter last told. */
  others: number
  /** When the shared counter was last read (0: never). */
  syncedAt: number
  /** A write that requests finding the shared count stale wait for. */
  learning?: Promise<void>
}

/**
 * Counts requests in memory and adds them to the shared counters in PostgreSQL together, in one
 * statement every `flushMs` while requests come: a spike of reads costs the database a write now
 * and then rather than one per request, and no hot row is locked by every visitor in turn. When a
 * process's knowledge of the shared count is older than two flushes (a bucket new to it, or quiet
 * for a while), its next requests wait for one write, which tells them what every process counted.
 * So all processes together exceed a quota by at most what they take within about `flushMs`.
 * Windows follow this machine's clock.
 */
export class BatchedCounter {
  private readonly tallies = new Map<string, Tally>()
  private sending: Promise<void> = Promise.resolve()
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly flushMs = 100,
  ) {}

  async count(bucket: string, quota: Quota): Promise<WindowCount> {
    const windowMs = quota.windowSeconds * 1000
    const now = Date.now()
    const start = Math.floor(now / windowMs) * windowMs
    const key = `${bucket}\n${start}`
    let tally = this.tallies.get(key)
    if (!tally) {
      tally = { bucket, start, end: start + windowMs, counted: 0, sent: 0, others: 0, syncedAt: 0 }
      this.tallies.set(key, tally)
    }
    const ordinal = ++tally.counted
    if (!tally.learning && now - tally.syncedAt > 2 * this.flushMs) {
      // Without the database (an outage), the count goes on in memory: reads keep their limits.
      const which = tally
      const learning: Promise<void> = this.flush()
        .catch(() => undefined)
        .then(() => {
          if (which.learning === learning) which.learning = undefined
        })
      tally.learning = learning
    }
    if (tally.learning) await tally.learning
    else this.timer ??= setTimeout(() => this.tick(), this.flushMs).unref()
    return { hits: tally.others + ordinal, resetSeconds: Math.max(1, Math.ceil((tally.end - Date.now()) / 1000)) }
  }

  private tick(): void {
    this.timer = undefined
    this.flush().catch(() => undefined)
  }

  /** Adds every pending count to the shared counters; one write at a time. A failed write is retried by the next. */
  flush(): Promise<void> {
    this.sending = this.sending.catch(() => undefined).then(() => this.send())
    return this.sending
  }

  private async send(): Promise<void> {
    const now = Date.now()
    for (const [key, tally] of this.tallies)
      if (tally.end <= now && tally.sent === tally.counted) this.tallies.delete(key)
    const batch = [...this.tallies.values()]
      .filter((tally) => tally.counted > tally.sent)
      .map((tally) => ({ tally, sending: tally.counted - tally.sent }))
    if (batch.length === 0) return
    const rows = await this.db
      .insertInto('rate_limit_counters')
      .values(
        batch.map(({ tally, sending }) => ({
          bucket: tally.bucket,
          window_start: new Date(tally.start),
          hits: sending,
          expires_at: new Date(tally.end),
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['bucket', 'window_start'])
          .doUpdateSet((eb) => ({ hits: eb('rate_limit_counters.hits', '+', eb.ref('excluded.hits')) })),
      )
      .returning(['bucket', 'window_start', 'hits'])
      .execute()
    const shared = new Map(rows.map((row) => [`${row.bucket}\n${row.window_start.getTime()}`, row.hits]))
    let opened = false
    for (const { tally, sending } of batch) {
      tally.sent += sending
      const total = shared.get(`${tally.bucket}\n${tally.start}`) ?? tally.others + tally.sent
      tally.others = total - tally.sent
      tally.syncedAt = now
      opened ||= total === sending
    }
    if (opened) await sweepExpiredCounters(this.db)
  }
}
