import type { Kysely } from 'kysely'
import type { Listen } from '../../db/database.js'
import type { Database } from '../../db/types.js'
import { matchesStream, type StreamFilter } from './stream-filter.js'
import { type StreamPosition, streamStart } from './stream-position.js'
import { readStreamAfter, readStreamHead, type StreamedActivity } from './stream-read.js'

export interface ActivityHubOptions {
  /** Wakes the hub when any process commits activity; without it, the hub polls faster. */
  listen?: Listen
  /** Milliseconds between polls; by default 1 s as a safety net beside LISTEN, 250 ms without it. */
  pollMs?: number
}

export interface ActivitySubscription {
  /** Everything up to here was settled when the subscription began; the rest arrives through `deliver`. */
  since: StreamPosition
  unsubscribe(): void
}

interface Subscriber {
  filter: StreamFilter
  deliver: (activity: StreamedActivity) => void
}

const activityChannel = 'relais_activity'
const batchSize = 500

/**
 * One reader of the activity table per process and database, shared by every stream client: each
 * poll is one query for all organizations, whatever the number of clients, and its rows are handed
 * out in memory to the clients whose filter they match. It starts with the first subscriber and
 * stops with the last; a NOTIFY from any process (at commit) or the timer triggers a poll.
 */
export class ActivityHub {
  private readonly byOrganization = new Map<string, Set<Subscriber>>()
  private count = 0
  private joining = 0
  private running: Promise<void> | undefined
  /** Set once the cursor is read: polls before that would start from a stale one. */
  private ready = false
  private cursor: StreamPosition = streamStart
  private generation = 0
  private timer: ReturnType<typeof setInterval> | undefined
  private unlisten: (() => Promise<void>) | undefined
  private polling: Promise<void> | undefined
  private pollAgain = false

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ActivityHubOptions = {},
  ) {}

  /** How many clients are subscribed (for tests and metrics). */
  get size(): number {
    return this.count
  }

  /** The last position handed out: a client with nothing left in its queue has everything up to it. */
  get position(): StreamPosition {
    return this.cursor
  }

  /**
   * Adds a client. `deliver` is called synchronously during a poll for each new row matching the
   * filter, in stream order: it must only queue the row, never wait for the client.
   */
  async subscribe(filter: StreamFilter, deliver: (activity: StreamedActivity) => void): Promise<ActivitySubscription> {
    this.joining++
    try {
      await this.start()
    } finally {
      this.joining--
    }
    const subscriber = { filter, deliver }
    const group = this.byOrganization.get(filter.organizationId) ?? new Set()
    group.add(subscriber)
    this.byOrganization.set(filter.organizationId, group)
    this.count++
    let subscribed = true
    return {
      since: this.cursor,
      unsubscribe: () => {
        if (!subscribed) return
        subscribed = false
        group.delete(subscriber)
        if (group.size === 0 && this.byOrganization.get(filter.organizationId) === group) {
          this.byOrganization.delete(filter.organizationId)
        }
        this.count--
        this.stopWhenIdle()
      },
    }
  }

  /** Polls now (a NOTIFY arrived); a poll under way is followed by another. */
  wake(): void {
    if (!this.ready) return
    if (this.polling) {
      this.pollAgain = true
      return
    }
    this.polling = this.pollUntilCaughtUp().finally(() => {
      this.polling = undefined
    })
  }

  private start(): Promise<void> {
    this.running ??= this.open().catch((error: unknown) => {
      this.running = undefined
      throw error
    })
    return this.running
  }

  // Listens before reading where to start, so that a commit in between is either before the start
  // or notified. No subscriber can leave meanwhile (they are still joining): the hub cannot stop.
  private async open(): Promise<void> {
    const { listen } = this.options
    const unlisten = listen ? await listen(activityChannel, () => this.wake()).catch(logListenFailure) : undefined
    this.unlisten = unlisten
    try {
      this.cursor = await readStreamHead(this.db)
    } catch (error) {
      this.unlisten = undefined
      await unlisten?.()
      throw error
    }
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? (unlisten ? 1000 : 250))
    this.timer.unref?.()
    this.ready = true
  }

  private stopWhenIdle(): void {
    if (this.count > 0 || this.joining > 0 || !this.running) return
    this.generation++
    this.running = undefined
    this.ready = false
    clearInterval(this.timer)
    this.timer = undefined
    const unlisten = this.unlisten
    this.unlisten = undefined
    unlisten?.().catch(logListenFailure)
  }

  private async pollUntilCaughtUp(): Promise<void> {
    do {
      this.pollAgain = false
      try {
        while (await this.pollOnce()) {}
      } catch (error) {
        // The next tick tries again; the clients keep their place meanwhile.
        console.error('[relais] activity stream poll failed:', error)
        return
      }
    } while (this.pollAgain && this.ready)
  }

  /** Reads one batch and hands it out; true when a full batch suggests more is waiting. */
  private async pollOnce(): Promise<boolean> {
    const generation = this.generation
    const rows = await readStreamAfter(this.db, this.cursor, batchSize)
    // A hub stopped (and maybe restarted) meanwhile has its own cursor: these rows are not its own.
    if (generation !== this.generation) return false
    for (const activity of rows) {
      this.cursor = activity.position
      const subscribers = this.byOrganization.get(activity.organization_id)
      if (!subscribers) continue
      for (const subscriber of subscribers) {
        if (matchesStream(subscriber.filter, activity)) subscriber.deliver(activity)
      }
    }
    return rows.length === batchSize
  }
}

function logListenFailure(error: unknown): undefined {
  console.error('[relais] activity stream: LISTEN failed, polling only:', error)
  return undefined
}

const hubs = new WeakMap<Kysely<Database>, ActivityHub>()

/** The hub of this database in this process, made on first use with the options given then. */
export function activityHub(db: Kysely<Database>, options: ActivityHubOptions = {}): ActivityHub {
  let hub = hubs.get(db)
  if (!hub) {
    hub = new ActivityHub(db, options)
    hubs.set(db, hub)
  }
  return hub
}
