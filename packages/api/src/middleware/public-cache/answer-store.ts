import type { Stamp } from './freshness.js'

/** A public answer as it was sent: what is needed to send it again. */
export interface StoredAnswer {
  body: Uint8Array<ArrayBuffer>
  headers: [string, string][]
  etag: string
}

interface Entry {
  organizationId: string
  stamp: Stamp
  storedAt: number
  answer: StoredAnswer
}

export interface AnswerStoreOptions {
  /** How long an answer may be served again, in milliseconds, even when no change was heard of. */
  ttlMs: number
  /** The most bytes of bodies kept; the least recently used go first. */
  maxBytes: number
  /** Whether nothing changed for the organization since the stamp. */
  isCurrent: (organizationId: string, stamp: Stamp) => boolean
  now?: () => number
}

/** A kept answer, and whether the request that found it should compute the next one now. */
export interface Hit {
  answer: StoredAnswer
  /**
   * The answer is in the last quarter of its life and nobody computes its successor: the caller
   * does, while the others are still served this one. Under steady traffic no request then waits
   * for a computation; without it, every request arriving during the one each ttl would.
   */
  renew: boolean
}

/** From this share of `ttlMs` on, an answer is renewed ahead of its end. */
const renewAt = 0.75

/**
 * Recent public answers by organization and address, each kept while it is younger than `ttlMs`
 * and nothing changed in its organization since it was computed. Concurrent requests for an answer
 * that is not there share one computation: a spike on one page costs one query, not one per visitor.
 */
export class AnswerStore {
  private readonly entries = new Map<string, Entry>()
  private readonly computing = new Map<string, Promise<StoredAnswer | undefined>>()
  private bytes = 0

  constructor(private readonly options: AnswerStoreOptions) {}

  get(key: string): Hit | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    const age = (this.options.now?.() ?? Date.now()) - entry.storedAt
    if (age >= this.options.ttlMs || !this.options.isCurrent(entry.organizationId, entry.stamp)) {
      this.remove(key, entry)
      return undefined
    }
    // Map order is use order: the oldest first when room is needed.
    this.entries.delete(key)
    this.entries.set(key, entry)
    const renew = age >= this.options.ttlMs * renewAt && !this.computing.has(flightOf(entry.stamp, key))
    return { answer: entry.answer, renew }
  }

  /**
   * The answer being computed for `key` under the same stamp, if any; otherwise starts `compute`
   * and keeps what it gives (undefined: the answer is not for keeping, and nothing is kept).
   */
  shared(
    key: string,
    organizationId: string,
    stamp: Stamp,
    compute: () => Promise<StoredAnswer | undefined>,
  ): { answer: Promise<StoredAnswer | undefined>; leader: boolean } {
    const flight = flightOf(stamp, key)
    const running = this.computing.get(flight)
    if (running) return { answer: running, leader: false }
    const storedAt = this.options.now?.() ?? Date.now()
    const answer = compute()
      .then((computed) => {
        if (computed) this.put(key, { organizationId, stamp, storedAt, answer: computed })
        return computed
      })
      .finally(() => this.computing.delete(flight))
    this.computing.set(flight, answer)
    return { answer, leader: true }
  }

  private put(key: string, entry: Entry): void {
    const size = entry.answer.body.byteLength
    if (size > this.options.maxBytes / 16 || !this.options.isCurrent(entry.organizationId, entry.stamp)) return
    const previous = this.entries.get(key)
    if (previous) this.remove(key, previous)
    this.entries.set(key, entry)
    this.bytes += size
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break
      this.remove(oldKey, old)
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key)
    this.bytes -= entry.answer.body.byteLength
  }
}

const flightOf = (stamp: Stamp, key: string) => `${stamp.everything}.${stamp.organization}\n${key}`
