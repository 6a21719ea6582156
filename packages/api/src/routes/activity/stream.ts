import type { Context } from 'hono'
import { type SSEStreamingApi, streamSSE } from 'hono/streaming'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import type { StreamFilter } from '../../domain/activity/stream-filter.js'
import type { ActivityHub, ActivitySubscription } from '../../domain/activity/stream-hub.js'
import {
  comparePositions,
  encodePosition,
  type StreamPosition,
  streamStart,
} from '../../domain/activity/stream-position.js'
import { readRecentActivity, type StreamedActivity } from '../../domain/activity/stream-read.js'
import { presentActivity } from './present.js'

export interface ActivityStreamRequest {
  filter: StreamFilter
  /** Resume after this position (`Last-Event-ID`). */
  from?: StreamPosition
  /** Without `from`: start with the latest N items. */
  backfill: number
}

/** Most items sent on resume; a client away longer reloads the list. */
const resumeLimit = 1000

// The hub hands the same row to every client it matches: it is written out once for all of them.
const serializedRows = new WeakMap<StreamedActivity, string>()

function serialized(activity: StreamedActivity): string {
  let data = serializedRows.get(activity)
  if (data === undefined) {
    data = JSON.stringify(presentActivity(activity))
    serializedRows.set(activity, data)
  }
  return data
}

/** Streams one client's activity as Server-Sent Events until it leaves. */
export async function streamActivity(c: Context, hub: ActivityHub, request: ActivityStreamRequest): Promise<Response> {
  const { heartbeatMs = 15_000, maxQueued = 2000 } = c.get('config').live ?? {}
  const session = new StreamSession(c.get('db'), request, heartbeatMs, maxQueued)
  await session.subscribe(hub)
  // Proxies such as nginx would otherwise hold events back to fill their buffers.
  c.header('x-accel-buffering', 'no')
  return streamSSE(c, (sse) => session.run(sse))
}

/**
 * One client. The hub queues its new items during a poll; this loop writes them one at a time,
 * so a slow client only slows itself, and one whose queue grows too long is disconnected (it
 * resumes from its last event id). `sent` is the last position the client holds: nothing at or
 * before it is sent again, whichever way it arrives.
 */
class StreamSession {
  private readonly queue: StreamedActivity[] = []
  private sent: StreamPosition
  private subscription: ActivitySubscription | undefined
  private hub: ActivityHub | undefined
  private sse: SSEStreamingApi | undefined
  private overflowed = false
  private waiting: (() => void) | undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly request: ActivityStreamRequest,
    private readonly heartbeatMs: number,
    private readonly maxQueued: number,
  ) {
    this.sent = request.from ?? streamStart
  }

  async subscribe(hub: ActivityHub) {
    this.hub = hub
    this.subscription = await hub.subscribe(this.request.filter, (activity) => this.deliver(activity))
  }

  async run(sse: SSEStreamingApi) {
    this.sse = sse
    sse.onAbort(() => this.waiting?.())
    try {
      if (this.overflowed || !this.subscription) return
      const { since } = this.subscription
      for (const activity of await this.backlog(since)) await this.sendActivity(activity)
      await this.sendReady(since)
      while (!sse.aborted && !sse.closed && !this.overflowed) {
        const activity = this.queue.shift()
        if (activity) await this.sendActivity(activity)
        else if (!(await this.idle())) await this.sendPing()
      }
    } finally {
      this.subscription?.unsubscribe()
    }
  }

  /** Called by the hub during its poll: only queues, never waits for the client. */
  private deliver(activity: StreamedActivity) {
    if (this.queue.length >= this.maxQueued) {
      this.overflowed = true
      this.sse?.abort()
    } else {
      this.queue.push(activity)
    }
    this.waiting?.()
  }

  /** What the client asked for from before it connected, up to where the live items take over. */
  private async backlog(upTo: StreamPosition): Promise<StreamedActivity[]> {
    const { from, backfill, filter } = this.request
    if (!from && backfill === 0) return []
    return readRecentActivity(this.db, filter, { from, upTo, limit: from ? resumeLimit : backfill })
  }

  private async sendActivity(activity: StreamedActivity) {
    if (comparePositions(activity.position, this.sent) <= 0) return
    await this.sse?.writeSSE({ event: 'activity', id: encodePosition(activity.position), data: serialized(activity) })
    this.sent = activity.position
  }

  /**
   * The backlog is out, live items follow. Its id is where the live part starts, so that a client
   * leaving before any item resumes from there, not from its connection's start.
   */
  private async sendReady(since: StreamPosition) {
    if (comparePositions(since, this.sent) > 0) this.sent = since
    await this.sse?.writeSSE({ event: 'ready', id: encodePosition(this.sent), data: '{}' })
  }

  /**
   * Keeps proxies from closing a quiet stream. With nothing queued, the client holds everything the
   * hub has read: an `id:` (no event fires) moves its resume point past the items it did not match.
   */
  private async sendPing() {
    const position = this.hub?.position ?? streamStart
    const moves = this.queue.length === 0 && comparePositions(position, this.sent) > 0
    await this.sse?.write(`: ping\n${moves ? `id: ${encodePosition(position)}\n` : ''}\n`)
    if (moves) this.sent = position
  }

  /** Waits for an item (true) or for the heartbeat interval to pass (false). */
  private idle(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined
        resolve(false)
      }, this.heartbeatMs)
      this.waiting = () => {
        clearTimeout(timer)
        this.waiting = undefined
        resolve(true)
      }
    })
  }
}
