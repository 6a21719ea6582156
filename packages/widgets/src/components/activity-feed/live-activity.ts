import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { ApiError, type ApiTarget, apiGet } from '../../internal/api.js'
import type { Activity } from './activity-sentence.js'

/** What to follow: the API, a group (or the whole organization), one kind or all, and how many to start with. */
export interface FeedSource {
  target: ApiTarget
  group: string
  kind: string
  size: number
}

export interface LiveActivityOptions {
  source: () => FeedSource
  /** The latest items when the feed starts, oldest first. */
  onHistory: (items: Activity[]) => void
  /** Items that arrived since, oldest first. */
  onNew: (items: Activity[]) => void
  onError: (error: ApiError) => void
}

export type FeedStatus = 'loading' | 'error' | 'ready'
/** `live`: streaming; `reconnecting`: the stream or the polling failed for now; `polling`: the fallback. */
export type FeedConnection = 'live' | 'reconnecting' | 'polling'

const pollMs = 30_000
const failuresBeforePolling = 3
const reopenMs = 2000

/**
 * Follows the activity of a group: Server-Sent Events from `/v1/activity/stream` (EventSource
 * reconnects by itself and resumes with `Last-Event-ID`), or, when EventSource is missing or keeps
 * failing, `GET /v1/activity` every 30 s. A failure is explained by the list's problem answer,
 * which EventSource cannot read. Everything stops when the host leaves the page.
 */
export class LiveActivity implements ReactiveController {
  status: FeedStatus = 'loading'
  connection: FeedConnection = 'live'
  error: ApiError | undefined
  private inputs = ''
  private source: EventSource | undefined
  private opened = false
  private caughtUp = false
  private failures = 0
  private lastEventId = ''
  private readonly seen = new Set<string>()
  private history: Activity[] = []
  private reopening: ReturnType<typeof setTimeout> | undefined
  private pollTimer: ReturnType<typeof setInterval> | undefined
  private request: AbortController | undefined
  /** Changes when the feed stops: answers that arrive later belong to a feed that is gone. */
  private epoch = 0

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveActivityOptions,
  ) {
    host.addController(this)
  }

  hostUpdate() {
    // Not the language: the items stay, only their sentences change.
    const { target, group, kind, size } = this.options.source()
    const inputs = JSON.stringify([target.api, target.key, group, kind, size])
    if (inputs !== this.inputs) {
      this.inputs = inputs
      this.restart()
    }
  }

  // A widget moved elsewhere on the page is disconnected then connected again, with no update.
  hostConnected() {
    if (!this.inputs) this.host.requestUpdate()
  }

  hostDisconnected() {
    this.stop()
    this.inputs = ''
  }

  /** Starts over (the retry button, or new inputs). */
  restart() {
    this.stop()
    this.status = 'loading'
    this.connection = 'live'
    this.error = undefined
    this.opened = false
    this.caughtUp = false
    this.failures = 0
    this.lastEventId = ''
    this.seen.clear()
    this.history = []
    this.host.requestUpdate()
    if (typeof EventSource === 'function') this.open()
    else void this.poll().then((answered) => answered && this.startPolling())
  }

  private stop() {
    this.epoch++
    this.source?.close()
    this.source = undefined
    clearTimeout(this.reopening)
    clearInterval(this.pollTimer)
    this.pollTimer = undefined
    this.request?.abort()
  }

  private open() {
    const { target, group, kind, size } = this.options.source()
    const url = new URL('/v1/activity/stream', target.api)
    const query = { key: target.key, group, kind, backfill: String(size), last_event_id: this.lastEventId }
    for (const [name, value] of Object.entries(query)) if (value) url.searchParams.set(name, value)
    const source = new EventSource(url)
    this.source = source
    source.addEventListener('open', () => {
      this.opened = true
      this.failures = 0
      this.setConnection('live')
    })
    source.addEventListener('activity', (event) => this.received(event as MessageEvent<string>))
    source.addEventListener('ready', (event) => this.ready(event as MessageEvent<string>))
    source.addEventListener('error', () => this.failed(source))
  }

  private received(event: MessageEvent<string>) {
    this.lastEventId = event.lastEventId
    let activity: Activity
    try {
      activity = JSON.parse(event.data) as Activity
    } catch {
      return
    }
    if (typeof activity?.id !== 'string' || this.seen.has(activity.id)) return
    this.seen.add(activity.id)
    if (this.caughtUp) this.options.onNew([activity])
    else this.history.push(activity)
  }

  private ready(event: MessageEvent<string>) {
    this.lastEventId = event.lastEventId
    this.start(this.history)
  }

  private start(history: Activity[]) {
    if (this.caughtUp) return
    this.caughtUp = true
    this.status = 'ready'
    this.history = []
    this.options.onHistory(history)
    this.host.requestUpdate()
  }

  /**
   * EventSource retries a dropped stream by itself, but gives up on an error answer (a refused
   * key, a server still starting) and cannot tell why: the list answer tells.
   */
  private failed(source: EventSource) {
    if (source !== this.source) return
    this.failures++
    this.setConnection('reconnecting')
    const gaveUp = source.readyState === EventSource.CLOSED
    if (this.opened && !gaveUp && this.failures < failuresBeforePolling) return
    source.close()
    this.source = undefined
    void this.diagnose()
  }

  private async diagnose() {
    const epoch = this.epoch
    const answered = await this.poll()
    if (epoch !== this.epoch || this.status === 'error') return
    if (this.failures >= failuresBeforePolling) return this.startPolling()
    this.reopening = setTimeout(() => {
      if (answered) return this.open()
      this.failures++
      void this.diagnose()
    }, reopenMs)
  }

  private startPolling() {
    this.setConnection('polling')
    this.pollTimer = setInterval(() => void this.poll(), pollMs)
  }

  /** Reads the list: the first items, or the new ones since. False when it failed. */
  private async poll(): Promise<boolean> {
    const { target, group, kind, size } = this.options.source()
    this.request?.abort()
    const request = new AbortController()
    this.request = request
    try {
      const query = { group: group || undefined, kind: kind || undefined, limit: size }
      const page = await apiGet(target, '/v1/activity', { query }, request.signal)
      const items = page.data.filter((activity) => !this.seen.has(activity.id)).reverse()
      for (const activity of items) this.seen.add(activity.id)
      if (!this.caughtUp) this.start(items)
      else if (items.length > 0) this.options.onNew(items)
      if (this.pollTimer) this.setConnection('polling')
      return true
    } catch (error) {
      if (request.signal.aborted) return false
      const failure = error instanceof ApiError ? error : new ApiError(0, null)
      // A refused key or origin, an unknown group: retrying will not help. A network failure may pass.
      const refused = failure.status >= 400 && failure.status < 500 && failure.status !== 429
      if (refused || this.status !== 'ready') {
        this.stop()
        this.status = 'error'
        this.error = failure
        this.options.onError(failure)
        this.host.requestUpdate()
      } else {
        this.setConnection('reconnecting')
      }
      return false
    }
  }

  private setConnection(connection: FeedConnection) {
    if (this.connection === connection) return
    this.connection = connection
    this.host.requestUpdate()
  }
}
