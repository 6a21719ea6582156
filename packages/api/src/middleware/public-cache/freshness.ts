import { type Kysely, sql } from 'kysely'
import type { Listen } from '../../db/database.js'
import type { Database } from '../../db/types.js'

/** The channel on which processes sharing a database tell each other that an organization changed. */
export const changesChannel = 'relais_public_changes'

/** What was current when an answer was computed: it stays usable while nothing changed since. */
export interface Stamp {
  organization: number
  everything: number
}

/**
 * Counts the changes of each organization, as far as this process knows: its own writes at once,
 * other processes' through NOTIFY. An answer stamped before a change is never served after it, so
 * whoever writes reads their write back; other processes follow within a NOTIFY's delay.
 */
export class Freshness {
  private readonly changes = new Map<string, number>()
  private everything = 0
  /** Every change heard of, whatever its organization. */
  total = 0
  private pending = new Set<string>()
  private announcing: Promise<void> | undefined

  stamp(organizationId: string): Stamp {
    return { organization: this.changes.get(organizationId) ?? 0, everything: this.everything }
  }

  isCurrent(organizationId: string, stamp: Stamp): boolean {
    const now = this.stamp(organizationId)
    return now.organization === stamp.organization && now.everything === stamp.everything
  }

  /** An organization changed; without one, anything may have (a write without a key, a missed NOTIFY). */
  changed(organizationId?: string): void {
    this.total += 1
    if (organizationId === undefined || organizationId === '') {
      this.everything += 1
      this.changes.clear()
    } else {
      this.changes.set(organizationId, (this.changes.get(organizationId) ?? 0) + 1)
    }
  }

  /** Hears the other processes' changes; resolves once listening, with what stops it. */
  follow(listen: Listen): Promise<() => Promise<void>> {
    return listen(changesChannel, (organizationId) => this.changed(organizationId))
  }

  /**
   * Tells the other processes. Changes are gathered while one NOTIFY is on its way, so that a burst
   * of writes costs a statement now and then rather than one each.
   */
  announce(db: Kysely<Database>, organizationId: string): Promise<void> {
    this.pending.add(organizationId)
    this.announcing ??= this.flush(db)
    return this.announcing
  }

  private async flush(db: Kysely<Database>): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const organizations = [...this.pending]
        this.pending = new Set()
        await sql`select pg_notify(${changesChannel}, organization_id)
          from unnest(${organizations}::text[]) as organization_id`.execute(db)
      }
    } finally {
      this.announcing = undefined
    }
  }
}
