import { html, type PropertyDeclarations } from 'lit'
import type { Messages } from '../../i18n/common.js'
import { formatCount } from '../../i18n/dates.js'
import { apiGet, type Schemas } from '../../internal/api.js'
import { RelaisElement } from '../../internal/relais-element.js'
import { Resource } from '../../internal/resource.js'
import { failure } from '../../internal/states.js'
import { baseStyles } from '../../internal/styles.js'
import { counterStyles } from './counter.styles.js'

type Metric = 'members' | 'initiatives' | 'rsvps' | 'spots_left'

const messages: Messages<Metric> = {
  fr: {
    members: 'membres',
    initiatives: 'actions à venir',
    rsvps: 'participations',
    spots_left: 'places restantes',
  },
  en: {
    members: 'members',
    initiatives: 'upcoming actions',
    rsvps: 'sign-ups to actions',
    spots_left: 'spots left',
  },
}

function pick(stats: Schemas['Stats'], metric: Metric): number | null {
  switch (metric) {
    case 'members':
      return 'members_active' in stats ? stats.members_active : null
    case 'initiatives':
      return 'initiatives_upcoming' in stats ? stats.initiatives_upcoming : null
    case 'rsvps':
      return stats.rsvps_going
    case 'spots_left':
      return 'spots_left' in stats ? stats.spots_left : null
  }
}

/**
 * @tagname relais-counter
 * @summary A live count for social proof: members of a group, its upcoming actions, or the sign-ups
 * to one initiative.
 *
 * @attr group - Group id (`grp_…`): counts over the group and its subgroups; the whole organization when absent.
 * @attr initiative - Initiative id (`ini_…`): counts for one initiative instead of a group.
 * @attr metric - What to count: `members` (default), `initiatives`, `rsvps` or `spots_left`.
 * @attr label - Text after the number, replacing the default label.
 * @attr refresh - Seconds between refreshes (default 60, 0 to never refresh).
 *
 * @fires relais-load - The count arrived; `detail` is the API's stats.
 * @fires relais-error - The count could not be loaded; `detail` is `{ status, problem }`.
 *
 * @csspart count - The number.
 * @csspart label - The text after it.
 * @csspart error - The error notice.
 *
 * @cssprop --relais-color-accent - Color of the number.
 * @cssprop --relais-counter-size - Font size of the number (default 2.5rem).
 */
export class RelaisCounter extends RelaisElement {
  static override styles = [baseStyles, counterStyles]

  static override properties: PropertyDeclarations = {
    group: {},
    initiative: {},
    metric: {},
    label: {},
    refresh: { type: Number },
  }

  /** Group id (`grp_…`) to count over, with its subgroups. */
  group = ''
  /** Initiative id (`ini_…`) to count for instead of a group. */
  initiative = ''
  /** What to count. */
  metric: Metric = 'members'
  /** Text shown after the number instead of the default. */
  label = ''
  /** Seconds between refreshes; 0 never refreshes. */
  refresh = 60

  private timer: ReturnType<typeof setInterval> | undefined

  private stats = new Resource(this, {
    inputs: () => [this.group || this.setting('group'), this.initiative, this.target.api, this.target.key],
    load: (signal) => {
      const group = this.group || this.setting('group')
      const query = this.initiative ? { initiative: this.initiative } : group ? { group } : {}
      return apiGet(this.target, '/v1/stats', { query }, signal)
    },
    onReady: (stats) => this.emit('relais-load', stats),
    onError: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  override connectedCallback() {
    super.connectedCallback()
    if (this.refresh > 0) this.timer = setInterval(() => void this.stats.run(), this.refresh * 1000)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearInterval(this.timer)
  }

  override render() {
    const { status, value } = this.stats
    if (status === 'error' && value === undefined)
      return failure(this.language, this.stats.error, () => this.stats.run())
    const count = value === undefined ? null : pick(value, this.metric)
    const label = this.label || messages[this.language][this.metric]
    return html`<p class="counter" aria-busy=${value === undefined ? 'true' : 'false'}>
      <span part="count" class="count">${count === null ? html`<span class="placeholder">–</span>` : formatCount(count, this.language)}</span>
      <span part="label" class="label">${label}</span>
    </p>`
  }
}
