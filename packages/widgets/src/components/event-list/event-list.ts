import { adoptStyles, html, nothing, type PropertyDeclarations } from 'lit'
import { common } from '../../i18n/common.js'
import { formatSchedule } from '../../i18n/dates.js'
import { ApiError, apiGet } from '../../internal/api.js'
import { RelaisElement } from '../../internal/relais-element.js'
import { Resource } from '../../internal/resource.js'
import { empty, failure, safeUrl } from '../../internal/states.js'
import { baseStyles } from '../../internal/styles.js'
import { calendarLink, closedReason, type Initiative, kindLabels, placeOf, spotsOf } from '../event/initiative.js'
import { eventListStyles } from './event-list.styles.js'
import type { ListFilters } from './filters.js'
import { dateBlock, itemSkeletons } from './initiative-item.js'
import type { inlineRsvp as InlineRsvp, InlineRsvpHost } from './inline-rsvp.js'
import { listDefaults, listQuery, pageSize } from './list-query.js'
import { messages } from './messages.js'
import type { MoreHost } from './more.js'

/** `detail` of `relais-load`: how many initiatives are shown, and whether more can be loaded. */
export interface EventListLoadDetail {
  count: number
  next_cursor: string | null
}

interface Page {
  data: Initiative[]
  next_cursor: string | null
}

/**
 * @tagname relais-event-list
 * @summary The upcoming initiatives of a group (and its subgroups): date, kind, schedule in the
 * initiative's own time zone, place, spots left, "add to calendar", and RSVP inline or on your page.
 *
 * @attr group - Group id (`grp_…`); defaults to `<relais-config group>`; the whole organization when absent.
 * @attr include-subgroups - `false` to leave out the initiatives of the subgroups (default `true`).
 * @attr kind - Kinds to show, comma-separated: `meeting`, `canvassing`, `leafleting`, `phone_bank`, `rally`, `online`, `other`.
 * @attr tag - Only initiatives with this tag.
 * @attr near - A French postcode: only initiatives with a place within `radius-km` of it.
 * @attr radius-km - With `near`, the distance in km (default 20).
 * @attr limit - Initiatives per page (default 5); "Voir plus" loads the next page.
 * @attr rsvp - `inline` (default): the RSVP form opens under the initiative; `link`: "Je participe" goes to `event-url`.
 * @attr event-url - With `rsvp="link"`, the address of your initiative page, `{id}` standing for the initiative id.
 * @attr show-filters - Shows a kind filter and a "near me" postcode field above the list.
 *
 * @fires relais-load - A page arrived; `detail` is `{ count, next_cursor }` (`count`: initiatives now shown).
 * @fires relais-rsvp - Someone registered through the inline form; `detail` is `{ initiative_id, status, spots_left }`.
 * @fires relais-error - The initiatives could not be loaded; `detail` is `{ status, problem }`.
 *
 * @csspart filters - The filter form.
 * @csspart list - The list of initiatives.
 * @csspart initiative - One initiative (an article).
 * @csspart date - The date block (month and day).
 * @csspart title - The title of an initiative.
 * @csspart kind - The kind label.
 * @csspart place - Where it happens, or "En ligne".
 * @csspart spots - Spots left, or "Complet".
 * @csspart tags - The tags of an initiative.
 * @csspart calendar-link - The "Ajouter au calendrier" link.
 * @csspart rsvp-button - The "Je participe" button (inline RSVP) or link (`rsvp="link"`).
 * @csspart more-button - The "Voir plus" button.
 * @csspart skeleton - The placeholder while loading.
 * @csspart empty - The notice when there is nothing to show.
 * @csspart error - The error notice.
 * @csspart retry-button - Its retry button.
 *
 * @cssprop --relais-color-accent - Buttons, links and the date block.
 * @cssprop --relais-color-surface - Background of the date block and the tags.
 * @cssprop --relais-event-list-row-height - Least height of an initiative, also that of the placeholder rows (default 11rem).
 */
export class RelaisEventList extends RelaisElement {
  static override styles = [baseStyles, eventListStyles]

  static override english = () => import('./english.js')

  static override properties: PropertyDeclarations = {
    group: {},
    includeSubgroups: { attribute: 'include-subgroups', converter: { fromAttribute: (value) => value !== 'false' } },
    kind: {},
    tag: {},
    near: {},
    radiusKm: { attribute: 'radius-km', type: Number },
    limit: { type: Number },
    rsvp: {},
    eventUrl: { attribute: 'event-url' },
    showFilters: { attribute: 'show-filters', type: Boolean },
    initiatives: { state: true },
    nextCursor: { state: true },
    loadingMore: { state: true },
    moreError: { state: true },
    filters: { state: true },
    opened: { state: true },
    announcement: { state: true },
  }

  /** Group id (`grp_…`) whose initiatives are shown. */
  group = ''
  /** Whether the initiatives of the subgroups are shown too. */
  includeSubgroups = true
  /** Kinds to show, comma-separated; all when empty. */
  kind = ''
  /** Only initiatives with this tag. */
  tag = ''
  /** A French postcode: only initiatives near it. */
  near = ''
  /**
   * With `near`, the distance in km.
   * @default 20
   */
  radiusKm = listDefaults.radiusKm
  /**
   * Initiatives per page.
   * @default 5
   */
  limit = listDefaults.limit
  /** `inline` opens the RSVP form under the initiative; `link` goes to `eventUrl`. */
  rsvp: 'inline' | 'link' = 'inline'
  /** Address of your initiative page, `{id}` standing for the initiative id (with `rsvp="link"`). */
  eventUrl = ''
  /** Shows the kind filter and the "near me" postcode field. */
  showFilters = false

  private initiatives: Initiative[] = []
  private nextCursor: string | null = null
  private loadingMore = false
  private moreError: ApiError | undefined
  private filters: ListFilters | undefined
  private opened: readonly string[] = []
  private announcement = ''
  private inlineRsvp: typeof InlineRsvp | undefined
  private filtersAsked = false

  private firstPage = new Resource<Page>(this, {
    inputs: () => [JSON.stringify(this.query()), this.target.api, this.target.key],
    load: (signal) => apiGet(this.target, '/v1/initiatives', { query: this.query() }, signal),
    onReady: (page) => {
      this.initiatives = page.data
      this.nextCursor = page.next_cursor
      this.opened = []
      this.moreError = undefined
      if (this.filters?.changed) this.announcement = this.filters.found(page.data.length, this.language)
      this.emit<EventListLoadDetail>('relais-load', { count: page.data.length, next_cursor: page.next_cursor })
    },
    onError: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  private query(cursor?: string) {
    return listQuery(this, this.group || this.setting('group'), this.filters, cursor)
  }

  private async loadMore() {
    if (!this.nextCursor || this.loadingMore) return
    const asked = JSON.stringify(this.query())
    this.loadingMore = true
    this.moreError = undefined
    try {
      // Private state, handed to the lazily loaded module that fills it (see `MoreHost`).
      await (await import('./more.js')).nextPage(this as unknown as MoreHost, asked)
    } catch (error) {
      this.moreError = error instanceof ApiError ? error : new ApiError(0, null)
      this.emit('relais-error', { status: this.moreError.status, problem: this.moreError.problem })
    } finally {
      this.loadingMore = false
    }
  }

  private async toggleRsvp(id: string) {
    if (this.opened.includes(id)) {
      this.opened = this.opened.filter((opened) => opened !== id)
      return
    }
    try {
      // The form is the heaviest part: fetched the first time someone wants to register.
      this.inlineRsvp ??= (await import('./inline-rsvp.js')).inlineRsvp
      this.opened = [...this.opened, id]
    } catch {
      this.announcement = common[this.language].network
    }
  }

  override willUpdate() {
    if (this.showFilters && !this.filtersAsked) {
      this.filtersAsked = true
      void this.loadFilters()
    }
  }

  private async loadFilters() {
    const { ListFilters, filterStyles } = await import('./filters.js')
    adoptStyles(this.renderRoot as ShadowRoot, [...RelaisEventList.elementStyles, filterStyles])
    this.filters = new ListFilters(this)
  }

  override render() {
    const filters = this.filters?.render(this.language, this.kind)
    // Until the filters arrive, an empty form keeps their place.
    return html`${this.showFilters ? (filters ?? html`<form></form>`) : nothing}
      <p role="status" class="visually-hidden">${this.announcement}</p>
      ${this.renderList()}`
  }

  private renderList() {
    const lang = this.language
    const m = messages[lang]
    const { status, error } = this.firstPage
    if (status === 'loading') return itemSkeletons(pageSize(this.limit), common[lang].loading)
    if (status === 'error') return failure(lang, error, () => void this.firstPage.run())
    if (this.initiatives.length === 0) return empty(this.filters?.none(lang) ?? m.empty)
    return html`<ul part="list" class="initiatives" aria-label=${m.list}>
        ${this.initiatives.map((initiative) => this.renderInitiative(initiative))}
      </ul>
      ${this.moreError ? failure(lang, this.moreError, () => void this.loadMore()) : nothing}
      ${
        this.nextCursor && !this.moreError
          ? html`<button
            type="button"
            part="more-button"
            class="secondary more"
            aria-disabled=${this.loadingMore}
            @click=${this.loadMore}
          >
            ${this.loadingMore ? common[lang].loading : m.more}
          </button>`
          : nothing
      }`
  }

  private eventPage(id: string) {
    if (this.rsvp !== 'link' || !this.eventUrl) return undefined
    return safeUrl(this.eventUrl.replaceAll('{id}', encodeURIComponent(id)), location.href)
  }

  private renderInitiative(initiative: Initiative) {
    const lang = this.language
    const { id, title, tags, starts_at } = initiative
    const { key } = this.target
    const page = this.eventPage(id)
    const open = this.opened.includes(id)
    const place = placeOf(initiative, lang)
    const spots = spotsOf(initiative, lang)
    const label = html`<span>${messages[lang].rsvp}<span class="visually-hidden"> : ${title}</span></span>`
    // An article named by its heading (focusable, for "Voir plus"), the inline RSVP form below.
    return html`<li>
      <article part="initiative" class="initiative" aria-labelledby="t-${id}">
        ${dateBlock(initiative, lang)}
        <div class="body">
          <h3 part="title" id="t-${id}" tabindex="-1">${page ? html`<a href=${page}>${title}</a>` : title}</h3>
          <p class="meta">
            <span part="kind" class="kind">${kindLabels[lang][initiative.kind]}</span>
            <time datetime=${starts_at}
              >${formatSchedule(starts_at, initiative.ends_at, initiative.timezone, lang)}</time
            >
          </p>
          ${
            place || spots
              ? html`<p class="meta">
                ${place ? html`<span part="place">${place}</span>` : nothing}
                ${spots ? html`<span part="spots" class="spots">${spots}</span>` : nothing}
              </p>`
              : nothing
          }
          ${
            tags.length > 0
              ? html`<ul part="tags" class="tags">
                ${tags.map((tag) => html`<li>${tag}</li>`)}
              </ul>`
              : nothing
          }
          <div class="actions">${calendarLink(initiative, key, lang)}${
            closedReason(initiative)
              ? nothing
              : page
                ? html`<a part="rsvp-button" class="button" href=${page}>${label}</a>`
                : html`<button
                    type="button"
                    part="rsvp-button"
                    aria-expanded=${open}
                    aria-controls=${open ? `r-${id}` : nothing}
                    @click=${() => this.toggleRsvp(id)}
                  >
                    ${label}
                  </button>`
          }</div>
        </div>
        ${open && this.inlineRsvp ? this.inlineRsvp(this as unknown as InlineRsvpHost, initiative) : nothing}
      </article>
    </li>`
  }
}
