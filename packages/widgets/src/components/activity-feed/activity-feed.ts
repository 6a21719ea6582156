import { html, nothing, type PropertyDeclarations } from 'lit'
import { format } from '../../i18n/common.js'
import { formatRelative } from '../../i18n/relative.js'
import { RelaisElement } from '../../internal/relais-element.js'
import { busy, skeletonStyles, textPlaceholder } from '../../internal/skeleton.js'
import { empty, failure } from '../../internal/states.js'
import { baseStyles } from '../../internal/styles.js'
import { activityFeedStyles } from './activity-feed.styles.js'
import { type Activity, describeActivity } from './activity-sentence.js'
import { LiveActivity } from './live-activity.js'
import { messages } from './messages.js'

/** `detail` of `relais-load`: how many items are shown at first. */
export interface ActivityFeedLoadDetail {
  count: number
}

const announceAfterMs = 1000

// What an item typically says, in characters ("Nouvelle action : Tractage au marché d'Aligre —
// Paris 12e, samedi 5 décembre"; "il y a 3 heures"): the placeholder rows wrap as such items do.
const typical = { sentence: 80, time: 15 }

const kindsIn = (list: string) =>
  list
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => /^[a-z][a-z0-9_.]{0,59}$/.test(kind))

/**
 * @tagname relais-activity-feed
 * @summary The live public activity of a group and its subgroups: new actions, new local groups,
 * member milestones, people joining (by first name only with their consent), as it happens.
 *
 * @attr group - Group id (`grp_…`); defaults to `<relais-config group>`; the whole organization when absent.
 * @attr limit - Items shown (default 8, at most 50); older ones make room for new ones.
 * @attr kinds - Kinds to show, comma-separated (`initiative_published`, `initiative_cancelled`, `group_created`,
 * `members_milestone`, `member_joined`, `rsvp_milestone`); all when absent.
 *
 * @fires relais-load - The first items arrived; `detail` is `{ count }`.
 * @fires relais-error - The activity could not be loaded (a refused key or origin, an unknown group); `detail` is
 * `{ status, problem }`.
 *
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart sentence - What happened.
 * @csspart time - When, relative ("il y a 5 minutes").
 * @csspart connection - The "Reconnexion…" notice while the live connection is down.
 * @csspart skeleton - The placeholder while loading.
 * @csspart empty - The notice when nothing happened yet.
 * @csspart error - The error notice.
 *
 * @cssprop --relais-color-accent - The mark of new items.
 * @cssprop --relais-color-muted - The times and the reconnection notice.
 * @cssprop --relais-activity-feed-row-height - Least height of an item, also that of the placeholder rows (default 3.5rem).
 */
export class RelaisActivityFeed extends RelaisElement {
  static override styles = [baseStyles, skeletonStyles, activityFeedStyles]

  static override properties: PropertyDeclarations = {
    group: {},
    limit: { type: Number },
    kinds: {},
    items: { state: true },
    announcement: { state: true },
    now: { state: true },
  }

  /** Group id (`grp_…`) whose activity, with its subgroups', is shown. */
  group = ''
  /** Items shown. */
  limit = 8
  /** Kinds to show, comma-separated; all when empty. */
  kinds = ''

  private items: Activity[] = []
  private announcement = ''
  private now = Date.now()
  /** Items that arrived live (marked), and the latest of them (sliding in once shown). */
  private readonly fresh = new Set<string>()
  private readonly arriving = new Set<string>()
  private unannounced: Activity[] = []
  private announcing: ReturnType<typeof setTimeout> | undefined
  private clock: ReturnType<typeof setInterval> | undefined

  private readonly feed = new LiveActivity(this, {
    source: () => {
      const kinds = kindsIn(this.kinds)
      // Items of other kinds, or unknown to this version, are left out: ask for more than shown.
      const size = kinds.length === 1 ? this.shown : Math.min(50, kinds.length > 1 ? 50 : this.shown * 2)
      return {
        target: this.target,
        group: this.group || this.setting('group'),
        kind: kinds.length === 1 ? (kinds[0] ?? '') : '',
        size,
      }
    },
    onHistory: (history) => {
      this.fresh.clear()
      this.arriving.clear()
      this.now = Date.now()
      this.items = this.visible(history).reverse().slice(0, this.shown)
      this.emit<ActivityFeedLoadDetail>('relais-load', { count: this.items.length })
    },
    onNew: (arrived) => {
      const visible = this.visible(arrived)
      if (visible.length === 0) return
      for (const activity of visible) this.fresh.add(activity.id)
      for (const activity of visible) this.arriving.add(activity.id)
      this.now = Date.now()
      this.items = [...[...visible].reverse(), ...this.items].slice(0, this.shown)
      this.unannounced.push(...visible)
      // Announced once things calm down: a burst is summed up rather than read item by item.
      clearTimeout(this.announcing)
      this.announcing = setTimeout(() => this.announceArrivals(), announceAfterMs)
    },
    onError: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  private get shown() {
    return Math.min(50, Math.max(1, Math.trunc(this.limit) || 8))
  }

  private visible(items: Activity[]) {
    const kinds = kindsIn(this.kinds)
    return items.filter(
      (activity) =>
        (kinds.length === 0 || kinds.includes(activity.kind)) &&
        describeActivity(activity, this.language) !== undefined,
    )
  }

  override connectedCallback() {
    super.connectedCallback()
    this.clock = setInterval(() => {
      this.now = Date.now()
    }, 60_000)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearInterval(this.clock)
    clearTimeout(this.announcing)
    this.unannounced = []
  }

  /** New items slide in, unless the visitor asked for less motion. */
  override updated() {
    if (this.arriving.size === 0) return
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
      for (const item of this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')) {
        if (!this.arriving.has(item.dataset.id ?? '')) continue
        item.animate([{ opacity: 0, transform: 'translateY(-0.5rem)' }, {}], { duration: 400, easing: 'ease-out' })
      }
    }
    this.arriving.clear()
  }

  private announceArrivals() {
    const [only, ...others] = this.unannounced
    this.unannounced = []
    if (!only) return
    const m = messages[this.language]
    this.announcement =
      others.length === 0 ? (describeActivity(only, this.language) ?? '') : format(m.newMany, { n: others.length + 1 })
  }

  override render() {
    const lang = this.language
    const m = messages[lang]
    return html`<p role="status" class="visually-hidden">${this.announcement}</p>
      ${
        this.feed.status === 'ready' && this.feed.connection === 'reconnecting'
          ? html`<p part="connection" class="connection">${m.reconnecting}</p>`
          : nothing
      }
      ${this.renderItems()}`
  }

  /** `limit` rows drawn as items are, with a sentence and a time of typical lengths. */
  private placeholder() {
    return html`<ul class="items">
      ${Array.from(
        { length: this.shown },
        () => html`<li class="item">${textPlaceholder(typical.sentence)} ${textPlaceholder(typical.time, 'time')}</li>`,
      )}
    </ul>`
  }

  private renderItems() {
    const lang = this.language
    const { status, error } = this.feed
    if (status === 'loading') return busy(lang, this.placeholder())
    if (status === 'error') return failure(lang, error, () => this.feed.restart())
    if (this.items.length === 0) return empty(messages[lang].empty)
    return html`<ul part="list" class="items" aria-label=${messages[lang].list}>
      ${this.items.map(
        (
          activity,
        ) => html`<li part="item" class=${this.fresh.has(activity.id) ? 'item fresh' : 'item'} data-id=${activity.id}>
          <span part="sentence" class="sentence">${describeActivity(activity, lang)}</span>
          <time part="time" class="time" datetime=${activity.occurred_at}
            >${formatRelative(activity.occurred_at, lang, Math.max(this.now, Date.parse(activity.occurred_at)))}</time
          >
        </li>`,
      )}
    </ul>`
  }
}
